package dev.logrca.rules.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When something happens in a scenario: an ISO-8601 instant ({@code 2026-11-27T10:00:03Z}) or an
 * offset from the scenario's start ({@code +3s}, {@code +1m30s}, {@code +250ms}, {@code +1h}).
 *
 * @param relative true for an offset from the start
 * @param millis epoch milliseconds, or the offset in milliseconds
 */
public record ScenarioTime(boolean relative, long millis) {
  private static final Pattern OFFSET = Pattern.compile("\\+((?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+)");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  /** Reads {@code +1m30s} or an ISO-8601 instant; anything else is an error naming the forms. */
  @JsonCreator
  public static ScenarioTime parse(String text) {
    String t = text == null ? "" : text.trim();
    Matcher offset = OFFSET.matcher(t);
    if (offset.matches()) {
      return new ScenarioTime(true, duration(offset.group(1)));
    }
    try {
      return new ScenarioTime(false, Instant.parse(t).toEpochMilli());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "time \""
              + t
              + "\" is neither an offset like +90s or +1m30s nor an instant like"
              + " 2026-11-27T10:00:03Z");
    }
  }

  /** Milliseconds in a duration such as {@code 1m30s} (units h, m, s, ms). */
  static long duration(String text) {
    Matcher m = PART.matcher(text);
    double millis = 0;
    while (m.find()) {
      double value = Double.parseDouble(m.group(1));
      millis +=
          switch (m.group(2)) {
            case "h" -> value * 3_600_000;
            case "m" -> value * 60_000;
            case "s" -> value * 1000;
            default -> value;
          };
    }
    return Math.round(millis);
  }

  /** Epoch milliseconds, offsets counted from {@code start}. */
  long at(long start) {
    return relative ? start + millis : millis;
  }
}
