package dev.logrca.flink.sink;

import java.io.IOException;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases an index sink's writer when its task ends, without committing: what is durable is what
 * the last checkpoint (or the end of the input) committed, and the lines after it are read again on
 * restore. A cancelled task's thread is interrupted, and Lucene's lock check does interruptible
 * file I/O, so the release runs with the interrupt cleared (and set again after); a release that
 * still fails is logged, not thrown, because Flink takes an exception while a cancelled task cleans
 * up as fatal and stops the whole TaskManager, with every other task on it.
 */
final class WriterRelease {
  private static final Logger LOG = LoggerFactory.getLogger(WriterRelease.class);

  private WriterRelease() {}

  /** Rolls back through {@code rollback}; {@code what} names the index in the warning. */
  static void rollBack(Rollback rollback, String what) {
    boolean interrupted = Thread.interrupted();
    try {
      rollback.run();
    } catch (IOException | AlreadyClosedException e) {
      LOG.warn(
          "Closing the {} writer without committing failed; the index keeps its last commit and"
              + " lines after it are indexed again on restore",
          what,
          e);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A writer's roll back. */
  @FunctionalInterface
  interface Rollback {
    void run() throws IOException;
  }
}
