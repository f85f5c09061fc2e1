package dev.logrca.flink.source;

import dev.logrca.core.model.LogRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source over log files that decodes every line into a {@link LogRecord} and merges the files of
 * each split in timestamp order. Files are spread over {@code groups} splits so several readers can
 * share the work; every position is checkpointed, so a restored job resumes at the exact line.
 * Bounded: each file is read to its end. Followed ({@link #following}): unbounded, files are read
 * as they grow and new files in the followed folders are picked up.
 */
public final class LogFileSource
    implements Source<LogRecord, LogFileSplit, LogFileEnumeratorState> {
  private static final long serialVersionUID = 1L;

  private final List<LogFile> files;
  private final int groups;
  private final List<LogFolder> folders;
  private final FollowSettings follow;

  /** A bounded source that reads {@code files} to their ends. */
  public LogFileSource(List<LogFile> files, int groups) {
    this(files, groups, List.of(), null);
  }

  private LogFileSource(
      List<LogFile> files, int groups, List<LogFolder> folders, FollowSettings follow) {
    if (groups < 1) {
      throw new IllegalArgumentException("groups must be at least 1");
    }
    // a file named twice (a folder and a file in it) is read once: its lines keep one id each,
    // which the event index sink relies on to append instead of replacing by id
    this.files = new ArrayList<>(distinctPaths(files));
    this.groups = Math.min(groups, Math.max(1, files.size()));
    this.folders = new ArrayList<>(folders);
    this.follow = follow;
  }

  /**
   * An unbounded source that reads {@code files} from their start and then follows them as they
   * grow, and reads every log file that appears in {@code folders} later.
   */
  public static LogFileSource following(
      List<LogFile> files, List<LogFolder> folders, int groups, FollowSettings follow) {
    return new LogFileSource(files, groups, folders, Objects.requireNonNull(follow));
  }

  /** The files this source reads, each path once, in the order given. */
  List<LogFile> files() {
    return List.copyOf(files);
  }

  private static Collection<LogFile> distinctPaths(List<LogFile> files) {
    Map<String, LogFile> byPath = new LinkedHashMap<>();
    for (LogFile file : files) {
      byPath.putIfAbsent(file.path(), file);
    }
    return byPath.values();
  }

  @Override
  public Boundedness getBoundedness() {
    return follow == null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<LogFileSplit, LogFileEnumeratorState> createEnumerator(
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
      if (!grouped.get(i).isEmpty()) {
        splits.add(new LogFileSplit("files-" + i, grouped.get(i)));
      }
    }
    List<String> known = files.stream().map(LogFile::path).toList();
    return new LogFileEnumerator(
        context, new LogFileEnumeratorState(splits, known), folders, follow);
  }

  @Override
  public SplitEnumerator<LogFileSplit, LogFileEnumeratorState> restoreEnumerator(
      SplitEnumeratorContext<LogFileSplit> context, LogFileEnumeratorState checkpoint) {
    return new LogFileEnumerator(context, checkpoint, folders, follow);
  }

  @Override
  public SimpleVersionedSerializer<LogFileSplit> getSplitSerializer() {
    return LogFileSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<LogFileEnumeratorState> getEnumeratorCheckpointSerializer() {
    return new EnumeratorStateSerializer();
  }

  @Override
  public SourceReader<LogRecord, LogFileSplit> createReader(SourceReaderContext context) {
    return new LogFileReader(context, follow, System::currentTimeMillis);
  }
}
