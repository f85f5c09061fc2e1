package dev.logrca.flink.source;

import dev.logrca.core.model.LogRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded source over log files that decodes every line into a {@link LogRecord} and merges the
 * files of each split in timestamp order. Files are spread over {@code groups} splits so several
 * readers can share the work; every position is checkpointed, so a restored job resumes at the
 * exact line.
 */
public final class LogFileSource implements Source<LogRecord, LogFileSplit, List<LogFileSplit>> {
  private static final long serialVersionUID = 1L;

  private final List<LogFile> files;
  private final int groups;

  public LogFileSource(List<LogFile> files, int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("groups must be at least 1");
    }
    this.files = new ArrayList<>(files);
    this.groups = Math.min(groups, Math.max(1, files.size()));
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<LogFileSplit, List<LogFileSplit>> createEnumerator(
      SplitEnumeratorContext<LogFileSplit> context) {
    List<List<FileCursor>> grouped = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      grouped.add(new ArrayList<>());
    }
    for (int i = 0; i < files.size(); i++) {
      grouped.get(i % groups).add(FileCursor.atStart(files.get(i)));
    }
    List<LogFileSplit> splits = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      splits.add(new LogFileSplit("files-" + i, grouped.get(i)));
    }
    return new LogFileEnumerator(context, splits);
  }

  @Override
  public SplitEnumerator<LogFileSplit, List<LogFileSplit>> restoreEnumerator(
      SplitEnumeratorContext<LogFileSplit> context, List<LogFileSplit> checkpoint) {
    return new LogFileEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<LogFileSplit> getSplitSerializer() {
    return LogFileSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<List<LogFileSplit>> getEnumeratorCheckpointSerializer() {
    return new PendingSplitsSerializer();
  }

  @Override
  public SourceReader<LogRecord, LogFileSplit> createReader(SourceReaderContext context) {
    return new LogFileReader(context);
  }
}
