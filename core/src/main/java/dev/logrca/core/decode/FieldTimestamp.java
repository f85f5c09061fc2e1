package dev.logrca.core.decode;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Builds a timestamp from a header format's fields, trying the combinations in a fixed order of
 * preference. A combination whose fields are absent costs a map lookup, not a parse.
 */
final class FieldTimestamp {
  private static final int COMBINATIONS = 6;

  private final TimestampParser parser;

  FieldTimestamp(TimestampParser parser) {
    this.parser = parser;
  }

  OptionalLong read(Map<String, String> fields) {
    for (int i = 0; i < COMBINATIONS; i++) {
      OptionalLong t = attempt(i, fields);
      if (t.isPresent()) {
        return t;
      }
    }
    return OptionalLong.empty();
  }

  private OptionalLong attempt(int combination, Map<String, String> fields) {
    String text = combination(combination, fields);
    return text == null ? OptionalLong.empty() : parser.parse(text);
  }

  private static String combination(int i, Map<String, String> f) {
    return switch (i) {
      case 0 -> firstOf(f, "Timestamp", "DateTime", "Date_Time");
      case 1 -> {
        String month = get(f, "Month");
        String day = firstOf(f, "Day", "Date");
        String time = get(f, "Time");
        if (month == null
            || day == null
            || time == null
            || month.isEmpty()
            || !Character.isLetter(month.charAt(0))) {
          yield null;
        }
        String year = get(f, "Year");
        yield month + " " + day + " " + time + (year == null ? "" : " " + year);
      }
      case 2 -> {
        String year = get(f, "Year");
        String month = get(f, "Month");
        String day = firstOf(f, "Day", "Date");
        yield year == null || month == null || day == null
            ? null
            : year + "-" + pad(month) + "-" + pad(day) + " " + orMidnight(get(f, "Time"));
      }
      case 3 -> {
        String date = get(f, "Date");
        String time = get(f, "Time");
        yield date == null || time == null ? null : date + " " + time;
      }
      case 4 -> get(f, "Time");
      default -> get(f, "Date");
    };
  }

  private static String pad(String twoDigits) {
    return twoDigits.length() == 1 ? "0" + twoDigits : twoDigits;
  }

  private static String orMidnight(String time) {
    return time == null ? "00:00:00" : time;
  }

  private static String firstOf(Map<String, String> f, String... names) {
    for (String name : names) {
      String v = get(f, name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The value of field {@code name} in any case, or null when absent or blank. */
  static String get(Map<String, String> f, String name) {
    String v = f.get(name);
    if (v == null) {
      for (Map.Entry<String, String> e : f.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          v = e.getValue();
          break;
        }
      }
    }
    return v == null || v.isBlank() ? null : v;
  }
}
