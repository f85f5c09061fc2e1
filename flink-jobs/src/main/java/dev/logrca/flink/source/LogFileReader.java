package dev.logrca.flink.source;

import dev.logrca.core.model.LogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of its split side by side and emits their lines merged by timestamp, one record
 * per poll. Merging matters for event time: read one after another, a second file's lines would all
 * arrive behind the first file's watermark and count as late.
 */
final class LogFileReader implements SourceReader<LogRecord, LogFileSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(LogFileReader.class);
  private static final Comparator<OpenFile> EARLIEST_FIRST =
      Comparator.<OpenFile>comparingLong(f -> f.peek().timestamp())
          .thenComparingInt(OpenFile::order);

  private final SourceReaderContext context;
  private final PriorityQueue<OpenFile> files = new PriorityQueue<>(EARLIEST_FIRST);
  private final List<FileCursor> finished = new ArrayList<>();
  private final Counter undecoded;
  private LogFileSplit split;
  private boolean noMoreSplits;
  private CompletableFuture<Void> available = new CompletableFuture<>();

  LogFileReader(SourceReaderContext context) {
    this.context = context;
    this.undecoded = context.metricGroup().counter("linesKeptRaw");
  }

  @Override
  public void start() {
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<LogRecord> output) throws IOException {
    OpenFile file = files.poll();
    if (file == null) {
      if (split != null) {
        // the split is done: ask for the next one
        split = null;
        finished.clear();
        context.sendSplitRequest();
      }
      if (noMoreSplits) {
        return InputStatus.END_OF_INPUT;
      }
      if (available.isDone()) {
        available = new CompletableFuture<>();
      }
      return InputStatus.NOTHING_AVAILABLE;
    }
    LogRecord record = file.take();
    if (record.decodeError() != null) {
      undecoded.inc();
    }
    output.collect(record, record.timestamp());
    if (file.peek() != null) {
      files.add(file);
    } else {
      finished.add(file.cursor());
      file.close();
    }
    return InputStatus.MORE_AVAILABLE;
  }

  @Override
  public List<LogFileSplit> snapshotState(long checkpointId) {
    if (split == null) {
      return List.of();
    }
    List<FileCursor> cursors = new ArrayList<>(finished);
    files.forEach(f -> cursors.add(f.cursor()));
    return List.of(new LogFileSplit(split.splitId(), cursors));
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<LogFileSplit> splits) {
    // the enumerator hands out one split per request
    split = splits.get(0);
    int order = 0;
    for (FileCursor cursor : split.cursors()) {
      openOrReport(cursor, order++);
    }
    available.complete(null);
  }

  private void openOrReport(FileCursor cursor, int order) {
    try {
      OpenFile file = OpenFile.open(cursor, order);
      if (file.peek() != null) {
        files.add(file);
      } else {
        finished.add(file.cursor());
        file.close();
      }
    } catch (IOException e) {
      // the command line checks every file before the job starts; a file that vanishes or
      // turns unreadable since then is reported, and the other files go on
      LOG.error("cannot read {}: {}", cursor.file().path(), e.toString());
      finished.add(cursor);
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  @Override
  public void close() throws IOException {
    for (OpenFile f : files) {
      f.close();
    }
    files.clear();
  }
}
