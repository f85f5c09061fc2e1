package dev.logrca.core.detect;

import java.util.Locale;

/** Units of time as logs write them, and numbers written with or without one, as milliseconds. */
final class DurationUnits {
  private DurationUnits() {}

  /** A value like {@code 45ms} or {@code 1.5s}, as milliseconds, or {@link LoggedDuration#NONE}. */
  static double withUnit(String value) {
    int end = value.length();
    int unitStart = end;
    while (unitStart > 0 && Character.isLetter(value.charAt(unitStart - 1))) {
      unitStart--;
    }
    if (unitStart == end || unitStart == 0) {
      return LoggedDuration.NONE;
    }
    double unit = millis(value.substring(unitStart).toLowerCase(Locale.ROOT));
    double number =
        Double.isNaN(unit) ? LoggedDuration.NONE : number(value.substring(0, unitStart));
    return Double.isNaN(number) ? LoggedDuration.NONE : number * unit;
  }

  /** How many milliseconds {@code unit} is, or NaN for anything that is not a unit of time. */
  static double millis(String unit) {
    switch (unit) {
      case "ns":
      case "nanoseconds":
        return 1e-6;
      case "us":
      case "µs":
      case "micros":
      case "microseconds":
        return 1e-3;
      case "ms":
      case "msec":
      case "msecs":
      case "millis":
      case "milliseconds":
        return 1;
      case "s":
      case "sec":
      case "secs":
      case "second":
      case "seconds":
        return 1000;
      default:
        return LoggedDuration.NONE;
    }
  }

  static boolean startsNumeric(String value) {
    char c = value.charAt(0);
    return c >= '0' && c <= '9';
  }

  /** A plain non-negative decimal ({@code 12}, {@code 0.281}), else {@link LoggedDuration#NONE}. */
  static double number(String value) {
    int dots = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return LoggedDuration.NONE;
      }
    }
    if (dots > 1 || value.isEmpty() || value.charAt(value.length() - 1) == '.') {
      return LoggedDuration.NONE;
    }
    return Double.parseDouble(value);
  }
}
