package dev.logrca.index;

import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event index flushed in the background: segments are written before the commit, yet what a
 * reader of the folder sees and what a rollback keeps are still decided by the commits alone.
 */
class BackgroundFlushTest {
  @TempDir Path data;

  @Test
  void flushedSegmentsStayInvisibleUntilTheCommitAndARollbackDropsThem() throws Exception {
    Path folder = EventIndex.folderIn(data);
    EventIndex index = EventIndex.open(folder);
    index.flushInBackground(Duration.ofMillis(5));
    addLines(index, 1, BackgroundFlush.MIN_DOCS * 2);
    awaitSegmentOnDisk(folder);
    assertThatThrownBy(() -> visibleIn(folder)).isInstanceOf(IndexNotFoundException.class);

    index.commit();
    assertThat(visibleIn(folder)).isEqualTo(BackgroundFlush.MIN_DOCS * 2);

    int segmentsBefore = segmentsOnDisk(folder);
    addLines(index, BackgroundFlush.MIN_DOCS * 2 + 1, BackgroundFlush.MIN_DOCS * 2);
    awaitSegmentsOnDisk(folder, segmentsBefore + 1);
    assertThat(visibleIn(folder)).isEqualTo(BackgroundFlush.MIN_DOCS * 2);
    index.rollback();
    assertThat(visibleIn(folder)).isEqualTo(BackgroundFlush.MIN_DOCS * 2);
  }

  @Test
  void aSecondBackgroundFlushIsRefused() throws Exception {
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      index.flushInBackground(Duration.ofSeconds(1));
      assertThatThrownBy(() -> index.flushInBackground(Duration.ofSeconds(1)))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static void addLines(EventIndex index, int first, int count) throws IOException {
    for (int line = first; line < first + count; line++) {
      index.add(
          event("payment", line, "2026-11-27T10:00:00Z", Level.INFO, "charge accepted", null));
    }
  }

  private static long visibleIn(Path folder) throws IOException {
    try (FSDirectory directory = FSDirectory.open(folder);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.numDocs();
    }
  }

  /** Segment infos on disk, committed or not: a flush writes one per segment. */
  private static int segmentsOnDisk(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".si")).count();
    }
  }

  private static void awaitSegmentOnDisk(Path folder) throws Exception {
    awaitSegmentsOnDisk(folder, 1);
  }

  /** Waits for the flush thread (a real thread: no clock of ours drives it), a minute at most. */
  private static void awaitSegmentsOnDisk(Path folder, int atLeast) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (segmentsOnDisk(folder) < atLeast) {
      assertThat(System.nanoTime()).as("a background flush within a minute").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
  }
}
