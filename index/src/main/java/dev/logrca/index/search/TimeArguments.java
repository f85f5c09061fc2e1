package dev.logrca.index.search;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times people give to {@code --since} and {@code --until}: an ISO-8601 instant ({@code
 * 2026-11-27T10:00:00Z}, with any offset), a date-time without zone (taken as UTC), a date (its
 * start, UTC), {@code now}, or an age before now such as {@code 90s}, {@code 15m}, {@code 2h},
 * {@code 1d}, {@code 1w} or {@code PT15M}.
 */
public final class TimeArguments {
  private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([a-z]+)");

  private TimeArguments() {}

  /** Epoch millis of {@code text}, ages counted back from the system clock. */
  public static long parse(String text) {
    return parse(text, Clock.systemUTC());
  }

  /** Epoch millis of {@code text}, ages counted back from {@code clock}. */
  public static long parse(String text, Clock clock) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new BadQueryException("a time is empty; give e.g. 15m, 2h, 1d or 2026-11-27T10:00:00Z");
    }
    if (t.equalsIgnoreCase("now")) {
      return clock.millis();
    }
    Optional<Duration> age = age(t);
    if (age.isPresent()) {
      try {
        return clock.instant().minus(age.get()).toEpochMilli();
      } catch (ArithmeticException | DateTimeException tooFar) {
        throw new BadQueryException("'" + t + "' is too far back", tooFar);
      }
    }
    if (t.chars().allMatch(Character::isDigit)) {
      throw new BadQueryException(
          "'" + t + "' needs a unit: " + t + "m, " + t + "h or " + t + "d before now");
    }
    return span(t)
        .orElseThrow(
            () ->
                new BadQueryException(
                    "'"
                        + t
                        + "' is not a time; give an age (15m, 2h, 1d) or an ISO-8601 time"
                        + " (2026-11-27T10:00:00Z, 2026-11-27)"))
        .first();
  }

  /**
   * The milliseconds an absolute time covers: one for an instant or epoch millis, a whole UTC day
   * for a date. Empty when {@code text} is none of these.
   */
  static Optional<TimeSpan> span(String text) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 18) {
      long millis = Long.parseLong(t);
      return Optional.of(new TimeSpan(millis, millis));
    }
    try {
      long millis = OffsetDateTime.parse(t).toInstant().toEpochMilli();
      return Optional.of(new TimeSpan(millis, millis));
    } catch (DateTimeParseException notWithOffset) {
      // try the next shape
    }
    try {
      long millis = Instant.parse(t).toEpochMilli();
      return Optional.of(new TimeSpan(millis, millis));
    } catch (DateTimeParseException notAnInstant) {
      // try the next shape
    }
    try {
      long millis = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
      return Optional.of(new TimeSpan(millis, millis));
    } catch (DateTimeParseException notLocal) {
      // try the next shape
    }
    try {
      LocalDate day = LocalDate.parse(t);
      long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      long next = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      return Optional.of(new TimeSpan(start, next - 1));
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> age(String t) {
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
      } catch (DateTimeParseException notADuration) {
        return Optional.empty();
      }
    }
    Matcher m = AGE.matcher(t.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException tooLong) {
      throw new BadQueryException("'" + t + "' is too far back");
    }
    switch (m.group(2)) {
      case "ms":
        return Optional.of(Duration.ofMillis(n));
      case "s":
      case "sec":
        return Optional.of(Duration.ofSeconds(n));
      case "m":
      case "min":
        return Optional.of(Duration.ofMinutes(n));
      case "h":
        return Optional.of(Duration.ofHours(n));
      case "d":
        return Optional.of(Duration.ofDays(n));
      case "w":
        return Optional.of(Duration.ofDays(n).multipliedBy(7));
      default:
        throw new BadQueryException(
            "'" + t + "' has an unknown unit '" + m.group(2) + "'; use s, m, h, d or w");
    }
  }

  /** The first and last millisecond an absolute time covers. */
  record TimeSpan(long first, long last) {}
}
