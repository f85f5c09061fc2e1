package dev.logrca.flink.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A followed file read by the source reader as another process writes it; the wall clock is moved
 * by the test (the reader looks at waiting files once per poll interval of that clock).
 */
class FollowedFileReaderTest {
  private static final long POLL = 200;
  private static final FollowSettings FOLLOW =
      new FollowSettings(Duration.ofMillis(POLL), Duration.ofSeconds(5), Duration.ofSeconds(5));

  @TempDir Path dir;
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final CapturingReaderOutput<LogRecord> out = new CapturingReaderOutput<>();
  private Path file;
  private LogFileReader reader;

  @BeforeEach
  void startFollowing() throws Exception {
    file = dir.resolve("api.log");
    append("2026-11-27T10:00:01Z INFO request one\n2026-11-27T10:00:02Z INFO request two\n");
    reader = new LogFileReader(new TestReaderContext(), FOLLOW, clock::get);
    reader.start();
    LogFile log = new LogFile(file.toString(), "api", null);
    reader.addSplits(List.of(new LogFileSplit("s", List.of(FileCursor.atStart(log)))));
  }

  @AfterEach
  void close() throws Exception {
    reader.close();
  }

  private void append(String text) throws Exception {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Moves the wall clock a poll interval on and reads until the reader has nothing more. */
  private List<String> readAfterPoll() throws Exception {
    clock.addAndGet(POLL);
    int before = out.records.size();
    InputStatus status;
    do {
      status = reader.pollNext(out);
    } while (status == InputStatus.MORE_AVAILABLE);
    assertThat(status).isEqualTo(InputStatus.NOTHING_AVAILABLE);
    return out.records.subList(before, out.records.size()).stream()
        .map(LogRecord::message)
        .toList();
  }

  @Test
  void linesAppendedAfterTheEndArriveAndTheReaderWakesItself() throws Exception {
    assertThat(readAfterPoll()).containsExactly("request one", "request two");
    assertThat(readAfterPoll()).isEmpty();
    // nothing to read: the reader is woken by its own timer, not spun by the task
    assertThat(reader.isAvailable()).isNotDone();
    reader.isAvailable().get(1, TimeUnit.MINUTES);

    append("2026-11-27T10:00:03Z ERROR request three failed\n");

    assertThat(readAfterPoll()).containsExactly("request three failed");
    assertThat(out.records.get(2).line()).isEqualTo(3);
  }

  @Test
  void aHalfWrittenLineWaitsForItsLineBreak() throws Exception {
    readAfterPoll();
    append("2026-11-27T10:00:03Z ERROR connection to db refu");

    assertThat(readAfterPoll()).isEmpty();
    assertThat(readAfterPoll()).isEmpty();
    append("sed\n2026-11-27T10:00:04Z INFO retry");

    assertThat(readAfterPoll()).containsExactly("connection to db refused");
    // a checkpoint now resumes before the held line, not in its middle
    FileCursor cursor = reader.snapshotState(1).get(0).cursors().get(0);
    assertThat(cursor.nextOffset())
        .isEqualTo(Files.size(file) - "2026-11-27T10:00:04Z INFO retry".length());
  }

  @Test
  void aReaderRestoredFromACheckpointGoesOnFollowingFromItsOffset() throws Exception {
    readAfterPoll();
    append("2026-11-27T10:00:03Z ERROR disk fu");
    readAfterPoll();
    LogFileSplit saved = reader.snapshotState(1).get(0);
    reader.close();
    append("ll on /var\n2026-11-27T10:00:04Z INFO cleanup done\n");

    reader = new LogFileReader(new TestReaderContext(), FOLLOW, clock::get);
    reader.addSplits(List.of(saved));

    assertThat(readAfterPoll()).containsExactly("disk full on /var", "cleanup done");
    assertThat(out.records.get(3).line()).isEqualTo(4);
  }

  @Test
  void aLineNeverFinishedIsReadAsItIsAfterTheTimeout() throws Exception {
    readAfterPoll();
    append("2026-11-27T10:00:03Z ERROR writer crashed mid-li");
    assertThat(readAfterPoll()).isEmpty();

    clock.addAndGet(FOLLOW.partialLineTimeout().toMillis());

    assertThat(readAfterPoll()).containsExactly("writer crashed mid-li");
  }

  @Test
  void aTruncatedFileIsReadAgainFromItsStart() throws Exception {
    readAfterPoll();
    Files.writeString(file, "2026-11-27T10:05:00Z WARN after truncation\n");

    assertThat(readAfterPoll()).containsExactly("after truncation");
    assertThat(out.records.get(2).line()).isEqualTo(1);
  }

  @Test
  void aRotatedFileIsFollowedUnderItsName() throws Exception {
    readAfterPoll();
    Files.move(file, dir.resolve("api.log.1"));
    append("2026-11-27T10:05:00Z INFO first line of the new file, longer than the old ones\n");

    assertThat(readAfterPoll())
        .containsExactly("first line of the new file, longer than the old ones");
  }

  @Test
  void eventTimeMovesOnWithTheWallClockWhileEveryFileIsIdle() throws Exception {
    readAfterPoll();
    long newest = Instant.parse("2026-11-27T10:00:02Z").toEpochMilli();

    clock.addAndGet(10_000);
    readAfterPoll();

    // 10 s and a poll interval since the last line, less the 5 s of disorder watermarks allow
    assertThat(out.watermarks).last().isEqualTo(newest + 10_000 + POLL - 5_000 - 1);
  }
}
