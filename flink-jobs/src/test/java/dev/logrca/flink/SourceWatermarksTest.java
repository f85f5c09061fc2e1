package dev.logrca.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.LogFileSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkAlignmentParams;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the job's source sets event time: per split, and aligned when splits may go quiet. */
class SourceWatermarksTest {
  @TempDir Path dir;

  @Test
  void aPartitionedSourceWithIdlenessPausesPartitionsThatRunAhead() {
    WatermarkAlignmentParams alignment = alignmentOf(Duration.ofSeconds(2));

    assertThat(alignment.isEnabled()).isTrue();
    assertThat(alignment.getMaxAllowedWatermarkDrift()).isEqualTo(LogrcaJob.MAX_DRIFT.toMillis());
    // a quiet partition must count as idle before the others reach the drift and pause, also
    // where event time runs up to four times faster than the clock (a replay, the bench)
    assertThat(LogrcaJob.MAX_DRIFT).isGreaterThan(Duration.ofSeconds(2).multipliedBy(4));
  }

  @Test
  void aSourceWithoutIdlenessIsNotAligned() {
    assertThat(alignmentOf(null).isEnabled()).isFalse();
  }

  private WatermarkAlignmentParams alignmentOf(Duration idleness) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    String data = dir.resolve("data").toString();
    LogrcaJob.build(
        env,
        new LogFileSource(List.of(), 1),
        1,
        idleness,
        JobSettings.defaults(),
        new EventIndexSink(data),
        new IncidentIndexSink(data));
    for (Transformation<?> t : env.getTransformations()) {
      for (Transformation<?> input : t.getTransitivePredecessors()) {
        if (input instanceof SourceTransformation<?, ?, ?> source) {
          return source.getWatermarkStrategy().getAlignmentParameters();
        }
      }
    }
    throw new AssertionError("the job has no source");
  }
}
