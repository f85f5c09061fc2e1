package dev.logrca.index.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {
  private final Instant now = Instant.parse("2026-11-27T12:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

  private long millis(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void agesCountBackFromNow() {
    assertThat(TimeArguments.parse("15m", clock)).isEqualTo(millis("2026-11-27T11:45:00Z"));
    assertThat(TimeArguments.parse("2h", clock)).isEqualTo(millis("2026-11-27T10:00:00Z"));
    assertThat(TimeArguments.parse("1d", clock)).isEqualTo(millis("2026-11-26T12:00:00Z"));
    assertThat(TimeArguments.parse("90s", clock)).isEqualTo(millis("2026-11-27T11:58:30Z"));
    assertThat(TimeArguments.parse("1w", clock)).isEqualTo(millis("2026-11-20T12:00:00Z"));
    assertThat(TimeArguments.parse("PT30M", clock)).isEqualTo(millis("2026-11-27T11:30:00Z"));
    assertThat(TimeArguments.parse("now", clock)).isEqualTo(now.toEpochMilli());
  }

  @Test
  void absoluteTimesIgnoreTheClock() {
    assertThat(TimeArguments.parse("2026-11-27T10:06:12.345Z", clock))
        .isEqualTo(millis("2026-11-27T10:06:12.345Z"));
    assertThat(TimeArguments.parse("2026-11-27T11:00:00+01:00", clock))
        .isEqualTo(millis("2026-11-27T10:00:00Z"));
    assertThat(TimeArguments.parse("2026-11-27T10:00", clock))
        .isEqualTo(millis("2026-11-27T10:00:00Z"));
    assertThat(TimeArguments.parse("2026-11-27", clock)).isEqualTo(millis("2026-11-27T00:00:00Z"));
  }

  @Test
  void nonsenseIsExplained() {
    assertThatThrownBy(() -> TimeArguments.parse("15", clock))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("needs a unit");
    assertThatThrownBy(() -> TimeArguments.parse("3 fortnights", clock))
        .hasMessageContaining("unknown unit 'fortnights'");
    assertThatThrownBy(() -> TimeArguments.parse("yesterday", clock))
        .hasMessageContaining("is not a time");
    assertThatThrownBy(() -> TimeArguments.parse("", clock)).hasMessageContaining("empty");
  }
}
