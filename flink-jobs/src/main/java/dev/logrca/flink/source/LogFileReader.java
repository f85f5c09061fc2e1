package dev.logrca.flink.source;

import dev.logrca.core.model.LogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of its splits side by side and emits their lines merged by timestamp, one record
 * per poll. Merging matters for event time: read one after another, a second file's lines would all
 * arrive behind the first file's watermark and count as late.
 *
 * <p>Read once, a file is done at its end and a split is done with its files. Followed ({@link
 * FollowSettings}), a file at its end waits and is looked at again every poll interval; while every
 * file waits, the reader advances the watermark with the wall clock, so windows close and incidents
 * are reported although no line comes.
 */
final class LogFileReader implements SourceReader<LogRecord, LogFileSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(LogFileReader.class);
  private static final Comparator<OpenFile> EARLIEST_FIRST =
      Comparator.<OpenFile>comparingLong(f -> f.peek().timestamp())
          .thenComparingInt(OpenFile::order);

  private final SourceReaderContext context;
  private final FollowSettings follow;
  private final LongSupplier clock;
  private final PriorityQueue<OpenFile> files = new PriorityQueue<>(EARLIEST_FIRST);

  /** Followed files at their end, waiting for more. */
  private List<OpenFile> waiting = new ArrayList<>();

  /** The splits held, each with the cursors of its files that are done. */
  private final Map<String, List<FileCursor>> splits = new LinkedHashMap<>();

  private final Counter undecoded;
  private final ScheduledExecutorService timer;
  private int nextOrder;
  private boolean noMoreSplits;
  private CompletableFuture<Void> available = new CompletableFuture<>();
  private long maxTimestamp = Long.MIN_VALUE;
  private long lastEmittedAt;
  private long nextLook;

  LogFileReader(SourceReaderContext context) {
    this(context, null, System::currentTimeMillis);
  }

  /**
   * A reader that follows its files when {@code follow} is not null, with {@code clock} as the wall
   * clock in milliseconds.
   */
  LogFileReader(SourceReaderContext context, FollowSettings follow, LongSupplier clock) {
    this.context = context;
    this.follow = follow;
    this.clock = clock;
    this.undecoded = context.metricGroup().counter("linesKeptRaw");
    this.timer =
        follow == null
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "log-file-poll");
                  t.setDaemon(true);
                  return t;
                });
  }

  @Override
  public void start() {
    context.sendSplitRequest();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<LogRecord> output) throws IOException {
    if (follow != null) {
      lookAtWaitingFiles();
    }
    OpenFile file = files.poll();
    if (file == null) {
      return follow == null ? nothingToRead() : waitForGrowth(output);
    }
    LogRecord record = file.take();
    if (record.decodeError() != null) {
      undecoded.inc();
    }
    output.collect(record, record.timestamp());
    maxTimestamp = Math.max(maxTimestamp, record.timestamp());
    if (follow != null) {
      lastEmittedAt = clock.getAsLong();
    }
    atEndOrNot(file);
    return InputStatus.MORE_AVAILABLE;
  }

  /** Read once: the split is done, so the next is asked for, or the input is over. */
  private InputStatus nothingToRead() {
    if (!splits.isEmpty()) {
      splits.clear();
      context.sendSplitRequest();
    }
    if (noMoreSplits) {
      return InputStatus.END_OF_INPUT;
    }
    renewAvailability();
    return InputStatus.NOTHING_AVAILABLE;
  }

  /**
   * Followed: every file waits. Event time moves on with the wall clock from the newest line, the
   * watermarks' disorder behind, as the lines still to be written will carry about the time they
   * are written at. Then the reader sleeps until the next look (the task thread is not spun).
   */
  private InputStatus waitForGrowth(ReaderOutput<LogRecord> output) {
    if (maxTimestamp != Long.MIN_VALUE) {
      long idle = clock.getAsLong() - lastEmittedAt;
      long watermark = maxTimestamp + idle - follow.outOfOrderness().toMillis() - 1;
      // a watermark below the one already sent is dropped by Flink
      output.emitWatermark(new Watermark(watermark));
    }
    renewAvailability();
    CompletableFuture<Void> wake = available;
    timer.schedule(
        () -> wake.complete(null), follow.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    return InputStatus.NOTHING_AVAILABLE;
  }

  private void renewAvailability() {
    if (available.isDone()) {
      available = new CompletableFuture<>();
    }
  }

  /** Looks at the waiting files once per poll interval, and reopens truncated or replaced ones. */
  private void lookAtWaitingFiles() throws IOException {
    long now = clock.getAsLong();
    if (now < nextLook || waiting.isEmpty()) {
      return;
    }
    nextLook = now + follow.pollInterval().toMillis();
    List<OpenFile> stillWaiting = new ArrayList<>();
    for (OpenFile file : waiting) {
      if (file.grow(now)) {
        (file.peek() != null ? files : stillWaiting).add(file);
        continue;
      }
      LOG.warn(
          "{} was truncated or replaced by a new file: reading it again from its start",
          file.file().path());
      FileCursor restart = FileCursor.atStart(file.file(), file.cursor().lastTimestamp());
      file.close();
      OpenFile reopened =
          OpenFile.follow(
              restart, file.splitId(), file.order(), follow.partialLineTimeout().toMillis());
      (reopened.peek() != null ? files : stillWaiting).add(reopened);
    }
    waiting = stillWaiting;
  }

  /** Puts a file back in the merge, among the waiting, or among the done. */
  private void atEndOrNot(OpenFile file) throws IOException {
    if (file.peek() != null) {
      files.add(file);
    } else if (file.followed()) {
      waiting.add(file);
    } else {
      splits.get(file.splitId()).add(file.cursor());
      file.close();
    }
  }

  @Override
  public List<LogFileSplit> snapshotState(long checkpointId) {
    List<LogFileSplit> state = new ArrayList<>();
    List<OpenFile> open = new ArrayList<>(files);
    open.addAll(waiting);
    open.sort(Comparator.comparingInt(OpenFile::order));
    splits.forEach(
        (id, done) -> {
          List<FileCursor> cursors = new ArrayList<>(done);
          open.stream().filter(f -> f.splitId().equals(id)).forEach(f -> cursors.add(f.cursor()));
          state.add(new LogFileSplit(id, cursors));
        });
    return state;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<LogFileSplit> added) {
    for (LogFileSplit split : added) {
      splits.put(split.splitId(), new ArrayList<>());
      for (FileCursor cursor : split.cursors()) {
        if (follow != null && cursor.lastTimestamp() > maxTimestamp) {
          // restored: idle files still move event time on from where they stood
          maxTimestamp = cursor.lastTimestamp();
          lastEmittedAt = clock.getAsLong();
        }
        openOrReport(split.splitId(), cursor, nextOrder++);
      }
    }
    available.complete(null);
  }

  private void openOrReport(String splitId, FileCursor cursor, int order) {
    try {
      OpenFile file =
          follow == null
              ? OpenFile.open(cursor, splitId, order)
              : OpenFile.follow(cursor, splitId, order, follow.partialLineTimeout().toMillis());
      atEndOrNot(file);
    } catch (IOException e) {
      // the command line checks every file before the job starts; a file that vanishes or
      // turns unreadable since then is reported, and the other files go on
      LOG.error("cannot read {}: {}", cursor.file().path(), e.toString());
      splits.get(splitId).add(cursor);
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    available.complete(null);
  }

  @Override
  public void close() throws IOException {
    if (timer != null) {
      timer.shutdownNow();
    }
    for (OpenFile f : files) {
      f.close();
    }
    for (OpenFile f : waiting) {
      f.close();
    }
    files.clear();
    waiting.clear();
  }
}
