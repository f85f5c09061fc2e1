package dev.logrca.web;

import dev.logrca.index.search.BadQueryException;
import dev.logrca.index.search.TimeArguments;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.Fields;

/**
 * The query parameters of one API request, read with the API's limits: a bad value is a {@link
 * BadQueryException} naming the parameter, which the API answers 400.
 */
final class ApiParameters {
  /** The most hits one page returns. */
  static final int MAX_PAGE = 500;

  private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private final Fields fields;

  ApiParameters(Fields fields) {
    this.fields = fields;
  }

  /** The parameter's value, stripped; null when absent or blank. */
  String text(String name) {
    Fields.Field field = fields.get(name);
    if (field == null) {
      return null;
    }
    if (field.getValues().size() > 1) {
      throw new BadQueryException(
          "give '" + name + "' once, not " + field.getValues().size() + " times");
    }
    String value = field.getValue();
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A time given as ISO-8601, epoch millis date or age (15m); null when absent. */
  Long time(String name) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    try {
      return TimeArguments.parse(value);
    } catch (BadQueryException e) {
      throw new BadQueryException(name + ": " + e.getMessage(), e);
    }
  }

  /** A page size within 1..{@value #MAX_PAGE}. */
  int size(int fallback) {
    String value = text("size");
    if (value == null) {
      return fallback;
    }
    try {
      int size = Integer.parseInt(value);
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below with the same message as an out-of-range number
    }
    throw new BadQueryException(
        "size must be a whole number from 1 to " + MAX_PAGE + ", not '" + value + "'");
  }

  /** One of {@code allowed} (any case, answered lower case), or null when absent. */
  String choice(String name, Set<String> allowed) {
    String value = text(name);
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw new BadQueryException(
          name
              + " must be one of "
              + String.join(", ", allowed.stream().sorted().toList())
              + ", not '"
              + value
              + "'");
    }
    return lower;
  }

  /** A bucket width such as 30s, 5m, 1h, 1d or millis; null when absent. */
  Long interval() {
    String value = text("interval");
    if (value == null) {
      return null;
    }
    Matcher m = INTERVAL.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches() || m.group(1).length() > 12) {
      throw new BadQueryException(
          "interval must be a width such as 30s, 5m, 1h or 1d, not '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    long millis =
        switch (unit) {
          case "s" -> n * 1_000;
          case "m" -> n * 60_000;
          case "h" -> n * 3_600_000;
          case "d" -> n * 86_400_000;
          default -> n;
        };
    if (millis < 1) {
      throw new BadQueryException("interval must be at least 1ms");
    }
    return millis;
  }
}
