package dev.logrca.flink.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

/**
 * A quiet split is idle after the idleness, or a second after its last line when that line had been
 * read within a second of being written to Kafka.
 */
class LineWatermarksTest {
  private static final long WALL = 1_764_237_600_000L;

  private long activity;
  private long wall = WALL;
  private final LineWatermarks strategy =
      new LineWatermarks(Duration.ofSeconds(5), Duration.ofSeconds(10));
  private final TimestampAssigner<LogRecord> assigner = strategy.createTimestampAssigner(null);
  private final LineWatermarks.QuietSplit split = strategy.generator(() -> activity, () -> wall);
  private final Output output = new Output();

  /** What a split handed to Flink: watermarks and idle marks, in order. */
  static final class Output implements WatermarkOutput {
    final List<String> emitted = new ArrayList<>();

    @Override
    public void emitWatermark(Watermark watermark) {
      emitted.add("watermark " + watermark.getTimestamp());
    }

    @Override
    public void markIdle() {
      emitted.add("idle");
    }

    @Override
    public void markActive() {
      emitted.add("active");
    }

    String last() {
      return emitted.get(emitted.size() - 1);
    }
  }

  /** A line of event time {@code eventMillis}, read now, written to Kafka {@code lagMillis} ago. */
  private void read(long eventMillis, long lagMillis) {
    LogRecord line = line(eventMillis);
    long kafkaTimestamp = lagMillis < 0 ? TimestampAssigner.NO_TIMESTAMP : wall - lagMillis;
    long assigned = assigner.extractTimestamp(line, kafkaTimestamp);
    split.onEvent(line, assigned, output);
  }

  /** Periodic emits every 200 ms for {@code millis} of quiet. */
  private void quietFor(long millis) {
    for (long waited = 0; waited < millis; waited += 200) {
      split.onPeriodicEmit(output);
      activity += 200;
      wall += 200;
    }
    split.onPeriodicEmit(output);
  }

  @Test
  void aCaughtUpSplitIsIdleASecondAfterItsLastLine() {
    read(60_000, 100);
    quietFor(800);
    assertThat(output.emitted).doesNotContain("idle");
    assertThat(output.last()).isEqualTo("watermark " + (60_000 - 5_000 - 1));
    quietFor(400);
    assertThat(output.last()).isEqualTo("idle");
    assertThat(output.emitted.stream().filter("idle"::equals)).hasSize(1);
  }

  @Test
  void aSplitReadBehindItsWritersWaitsTheWholeIdleness() {
    read(60_000, 5_000);
    quietFor(9_000);
    assertThat(output.emitted).doesNotContain("idle");
    quietFor(1_400);
    assertThat(output.last()).isEqualTo("idle");
  }

  @Test
  void linesWithoutAKafkaTimestampWaitTheWholeIdleness() {
    read(60_000, -1);
    quietFor(9_000);
    assertThat(output.emitted).doesNotContain("idle");
    quietFor(1_400);
    assertThat(output.last()).isEqualTo("idle");
  }

  @Test
  void aLineAfterTheIdleSpellMakesTheSplitHoldEventTimeAgain() {
    read(60_000, 100);
    quietFor(1_200);
    assertThat(output.last()).isEqualTo("idle");
    read(61_000, 5_000);
    quietFor(200);
    assertThat(output.last()).isEqualTo("watermark " + (61_000 - 5_000 - 1));
    // read behind its writer this time: the short spell no longer applies
    quietFor(2_000);
    assertThat(output.last()).startsWith("watermark");
  }

  @Test
  void aSplitThatNeverReadALineIsIdleAfterTheIdleness() {
    quietFor(9_800);
    assertThat(output.emitted).doesNotContain("idle");
    quietFor(400);
    assertThat(output.last()).isEqualTo("idle");
  }

  private static LogRecord line(long timestamp) {
    return new LogRecord(
        "logs/0:1",
        "logs/0",
        1,
        timestamp,
        false,
        "postgres",
        null,
        Level.INFO,
        null,
        null,
        "database system is shut down",
        "database system is shut down",
        Map.of(),
        null);
  }
}
