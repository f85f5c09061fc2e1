package dev.logrca.index;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.IndexWriter;

/**
 * Writes an index writer's buffered documents out as segments from a thread of its own, every
 * period, so that a commit in the indexing thread finds little left to flush. What is visible and
 * durable does not change: flushed segments stay invisible to readers of the folder until the next
 * commit, and a rollback drops them as it drops the buffer.
 */
final class BackgroundFlush implements Closeable {
  /** Below this many buffered documents a segment is not worth its merge cost later. */
  static final int MIN_DOCS = 1_000;

  private final IndexWriter writer;
  private final ScheduledExecutorService thread;
  private volatile Throwable failure;

  private BackgroundFlush(IndexWriter writer, String name) {
    this.writer = writer;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            work -> {
              Thread t = new Thread(work, name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts flushing {@code writer}'s buffer every {@code period} on a thread named {@code name}.
   */
  static BackgroundFlush start(IndexWriter writer, Duration period, String name) {
    BackgroundFlush flush = new BackgroundFlush(writer, name);
    long millis = period.toMillis();
    flush.thread.scheduleWithFixedDelay(flush::flushOnce, millis, millis, TimeUnit.MILLISECONDS);
    return flush;
  }

  private void flushOnce() {
    try {
      if (writer.numRamDocs() >= MIN_DOCS) {
        writer.flushNextBuffer();
      }
    } catch (IOException | RuntimeException e) {
      // the writer is broken (Lucene closes it on such a failure); the indexing thread learns
      // why at its next check instead of from a bare "this IndexWriter is closed"
      failure = e;
      thread.shutdown();
    }
  }

  /** Throws what a background flush failed with, if one did. */
  void check() throws IOException {
    Throwable failed = failure;
    if (failed != null) {
      throw new IOException("flushing the index buffer in the background failed", failed);
    }
  }

  /** Stops the thread and waits for a flush under way, so that the writer can be closed. */
  @Override
  public void close() throws IOException {
    // no interrupt: Lucene's file channels close on one, which would break the writer
    thread.shutdown();
    try {
      if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IOException("a background flush of the index did not end within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a background flush to end", e);
    }
  }
}
