package dev.logrca.core.decode;

import dev.logrca.core.decode.TimestampMatch.Shape;

/**
 * Reads the timestamps that spell the month: syslog, ctime and RFC 1123 dates, Apache's access log
 * and Redis. Fills the cursor's fields and says which shape it read, or null; the scanner turns the
 * fields into an instant.
 */
final class MonthNameDates {
  private final TimeCursor cur;
  private final int referenceYear;

  MonthNameDates(TimeCursor cur, int referenceYear) {
    this.cur = cur;
    this.referenceYear = referenceYear;
  }

  /** {@code dd MMM yyyy HH:mm:ss.SSS}, as Redis writes it (RFC 1123 without the weekday). */
  Shape dayMonthYear(String s, int from, int n) {
    cur.day = TextDigits.number(s, from, n);
    cur.pos = from + n + 1;
    return monthThenYear(s, ' ', ' ') && cur.timeOfDay(s, false) ? Shape.NUMERIC : null;
  }

  /** {@code dd/MMM/yyyy:HH:mm:ss Z}. */
  Shape apache(String s, int from, int n) {
    cur.day = TextDigits.number(s, from, n);
    cur.pos = from + n + 1;
    return monthThenYear(s, '/', ':') && cur.timeOfDay(s, false) ? Shape.APACHE : null;
  }

  /** Syslog {@code MMM d HH:mm:ss [yyyy]}, ctime {@code EEE MMM d HH:mm:ss yyyy}, RFC 1123. */
  Shape letterLed(String s, int from) {
    cur.pos = from;
    if (TextDigits.isWeekday(s, cur.pos)) {
      cur.pos += 3;
      if (TextDigits.charAt(s, cur.pos) == ',') {
        cur.pos++;
      }
      if (TextDigits.charAt(s, cur.pos) != ' ') {
        return null;
      }
      cur.pos++;
      if (TextDigits.isDigit(TextDigits.charAt(s, cur.pos))) {
        return rfc1123(s);
      }
    }
    cur.month = TextDigits.monthName(s, cur.pos);
    if (cur.month == 0 || TextDigits.charAt(s, cur.pos + 3) != ' ') {
      return null;
    }
    cur.pos += 4;
    if (TextDigits.charAt(s, cur.pos) == ' ') {
      cur.pos++; // syslog pads a one-digit cur.day with a space
    }
    cur.day = cur.upToTwoDigits(s);
    if (cur.day < 0 || TextDigits.charAt(s, cur.pos) != ' ') {
      return null;
    }
    cur.pos++;
    if (!cur.timeOfDay(s, false)) {
      return null;
    }
    cur.year = referenceYear;
    if (TextDigits.charAt(s, cur.pos) == ' ' && TextDigits.digitRun(s, cur.pos + 1) == 4) {
      int y = TextDigits.number(s, cur.pos + 1, 4);
      if (y >= 1970 && y < 2100) {
        cur.year = y;
        cur.pos += 5;
      }
    }
    return Shape.SYSLOG;
  }

  private Shape rfc1123(String s) {
    cur.day = cur.upToTwoDigits(s);
    if (cur.day < 0 || TextDigits.charAt(s, cur.pos) != ' ') {
      return null;
    }
    cur.pos++;
    return monthThenYear(s, ' ', ' ') && cur.timeOfDay(s, false) ? Shape.SYSLOG : null;
  }

  /**
   * A month name, {@code sep}, a four-digit year and {@code after}, from the cursor on; leaves the
   * cursor past {@code after}.
   */
  private boolean monthThenYear(String s, char sep, char after) {
    cur.month = TextDigits.monthName(s, cur.pos);
    cur.pos += 3;
    if (cur.month == 0
        || TextDigits.charAt(s, cur.pos) != sep
        || TextDigits.digitRun(s, cur.pos + 1) != 4
        || TextDigits.charAt(s, cur.pos + 5) != after) {
      return false;
    }
    cur.year = TextDigits.number(s, cur.pos + 1, 4);
    cur.pos += 6;
    return true;
  }
}
