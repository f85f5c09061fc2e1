package dev.logrca.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.flink.source.FollowSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIndexSinkTest {
  private final List<LogFile> files = List.of(new LogFile("/logs/payment.log", "payment", null));

  @Test
  void aSourceThatReadsEachLineOnceAppendsIntoFreshShards() {
    assertThat(EventIndexSink.forSource("data", new LogFileSource(files, 1)).appendsToFreshShards())
        .isTrue();
  }

  @Test
  void followedFilesAlwaysReplaceByIdBecauseARotatedFileNumbersItsLinesAgain() {
    LogFileSource followed =
        LogFileSource.following(
            files,
            List.of(),
            1,
            new FollowSettings(Duration.ofMillis(50), Duration.ZERO, Duration.ZERO));
    assertThat(EventIndexSink.forSource("data", followed).appendsToFreshShards()).isFalse();
    assertThat(new EventIndexSink("data").appendsToFreshShards()).isFalse();
  }
}
