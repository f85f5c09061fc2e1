package dev.logrca.flink.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logrca.core.model.Level;
import dev.logrca.flink.TestRecords;
import dev.logrca.index.EventIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink's writer released by a cancelled task: a TaskManager died of the exception its Lucene
 * writer threw while closing on an interrupted thread (ClusterITCase, under load), taking the
 * surviving tasks with it.
 */
class WriterReleaseTest {
  @TempDir Path dir;

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void aCancelledTasksReleaseKeepsTheLastCommitAndDropsWhatCameAfter() throws Exception {
    EventIndex index = EventIndex.open(dir);
    index.add(TestRecords.event("checkout", 1, 1_000, Level.ERROR, "committed at a checkpoint"));
    index.commit();
    index.add(TestRecords.event("checkout", 2, 2_000, Level.ERROR, "read after the checkpoint"));

    Thread.currentThread().interrupt();
    WriterRelease.rollBack(index::rollback, "event index");

    assertTrue(Thread.interrupted(), "the task's interrupt is set again after the release");
    try (EventIndex reopened = EventIndex.open(dir)) {
      assertEquals(1, reopened.count(), "only the checkpoint's commit is durable");
    }
  }

  @Test
  void aReleaseThatFailsIsReportedNotThrown() {
    WriterRelease.rollBack(
        () -> {
          throw new java.io.IOException("FileLock invalidated by an external force");
        },
        "incident index");
    WriterRelease.rollBack(
        () -> {
          throw new org.apache.lucene.store.AlreadyClosedException("lock released");
        },
        "incident index");
  }
}
