package dev.logrca.core.decode;

/**
 * The date and time fields of the timestamp being read and the position reached; reads the time of
 * day, which every shape shares. Mutable and reused from line to line.
 */
final class TimeCursor {
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
  int nanos;
  int pos;

  void clearTime() {
    hour = minute = second = nanos = 0;
  }

  /** {@code HH:mm[:ss][.fraction]}; compact shapes also allow {@code HHmmss} and {@code :SSS}. */
  boolean timeOfDay(String s, boolean compact) {
    if (compact && TextDigits.digitRun(s, pos) == 6) {
      hour = TextDigits.number(s, pos, 2);
      minute = TextDigits.number(s, pos + 2, 2);
      second = TextDigits.number(s, pos + 4, 2);
      pos += 6;
      return fraction(s, false);
    }
    return timeOfDay(s, ':', compact);
  }

  /** Some loggers do not pad (HealthApp writes {@code 22:16:0:119}), so one digit is allowed. */
  boolean timeOfDay(String s, char sep, boolean colonFraction) {
    hour = upToTwoDigits(s);
    if (hour < 0 || TextDigits.charAt(s, pos) != sep) {
      return false;
    }
    pos++;
    minute = upToTwoDigits(s);
    if (minute < 0) {
      return false;
    }
    if (TextDigits.charAt(s, pos) == sep && TextDigits.isDigit(TextDigits.charAt(s, pos + 1))) {
      pos++;
      second = upToTwoDigits(s);
      if (second < 0) {
        return false;
      }
      return fraction(s, colonFraction || sep == '.');
    }
    return true;
  }

  boolean fraction(String s, boolean colonOrDot) {
    char c = TextDigits.charAt(s, pos);
    if (c == '.' || c == ',' || (colonOrDot && c == ':')) {
      int f = TextDigits.digitRun(s, pos + 1);
      if (f > 0) {
        nanos = TextDigits.fractionNanos(s, pos + 1, f);
        pos += 1 + f;
      }
    }
    return true;
  }

  int twoDigits(String s) {
    if (TextDigits.digitRun(s, pos) != 2) {
      return -1;
    }
    int v = TextDigits.number(s, pos, 2);
    pos += 2;
    return v;
  }

  int upToTwoDigits(String s) {
    int n = TextDigits.digitRun(s, pos);
    if (n < 1 || n > 2) {
      return -1;
    }
    int v = TextDigits.number(s, pos, n);
    pos += n;
    return v;
  }
}
