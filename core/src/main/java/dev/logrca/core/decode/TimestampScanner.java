package dev.logrca.core.decode;

import dev.logrca.core.decode.TimestampMatch.Shape;
import java.time.LocalDate;

/**
 * Reads one timestamp at a position by looking at characters, never by trying formatters in turn:
 * the first character and the length of the first digit run pick the shape. Holds the fields of the
 * timestamp being read, so it is not thread-safe.
 */
final class TimestampScanner {
  static final long MIN_EPOCH_MILLIS = 631_152_000_000L; // 1990-01-01
  static final long MAX_EPOCH_MILLIS = 4_102_444_800_000L; // 2100-01-01

  private final LocalTimeZone zone;
  private final int referenceYear;
  private final TimeCursor cur = new TimeCursor();
  private final MonthNameDates monthNames;
  private boolean hasOffset;
  private int offsetSeconds;
  private long referenceMillis;

  TimestampScanner(LocalTimeZone zone, int referenceYear) {
    this.zone = zone;
    this.referenceYear = referenceYear;
    this.monthNames = new MonthNameDates(cur, referenceYear);
    this.referenceMillis = LocalTimeZone.epochDay(referenceYear, 1, 1) * 86_400_000L;
  }

  /**
   * The timestamp starting at {@code from}, or null. {@code whole} also accepts a date without a
   * time and any length of epoch number, as a field value may be; a line's head needs more.
   */
  TimestampMatch scan(String s, int from, boolean whole) {
    if (from >= s.length()) {
      return null;
    }
    cur.clearTime();
    hasOffset = false;
    char c = s.charAt(from);
    if (TextDigits.isDigit(c)) {
      return digitLed(s, from, whole);
    }
    if (TextDigits.isLetter(c)) {
      return finished(s, monthNames.letterLed(s, from));
    }
    return null;
  }

  private TimestampMatch digitLed(String s, int from, boolean whole) {
    int n = TextDigits.digitRun(s, from);
    char next = TextDigits.charAt(s, from + n);
    if (n == 4 && (next == '-' || next == '/' || next == '.')) {
      return yearFirst(s, from, next, whole);
    }
    if (n == 8 && (next == '-' || next == ' ' || next == 'T')) {
      return yearMonthDay(s, from);
    }
    if (n == 6 && next == ' ' && TextDigits.digitRun(s, from + 7) == 6) {
      return hdfs(s, from);
    }
    if ((n == 1 || n == 2) && next == '/') {
      return TextDigits.isLetter(TextDigits.charAt(s, from + n + 1))
          ? finished(s, monthNames.apache(s, from, n))
          : slashed(s, from, n);
    }
    if ((n == 1 || n == 2)
        && next == ' '
        && TextDigits.isLetter(TextDigits.charAt(s, from + n + 1))) {
      return finished(s, monthNames.dayMonthYear(s, from, n));
    }
    if ((n == 1 || n == 2) && next == ':' && TextDigits.charAt(s, from + n + 3) == ':') {
      return timeOnly(s, from);
    }
    if (n == 2 && (next == '-' || next == '.')) {
      return monthDay(s, from, next);
    }
    if (n >= 9 && n <= 19) {
      return epoch(s, from, n, whole);
    }
    return null;
  }

  /** {@code yyyyMMdd[-T ]HH:mm:ss} or {@code yyyyMMdd-HHmmss}. */
  private TimestampMatch yearMonthDay(String s, int from) {
    cur.year = TextDigits.number(s, from, 4);
    cur.month = TextDigits.number(s, from + 4, 2);
    cur.day = TextDigits.number(s, from + 6, 2);
    cur.pos = from + 9;
    return cur.timeOfDay(s, true) ? finish(s, Shape.NUMERIC) : null;
  }

  /** {@code yyMMdd HHmmss}, as HDFS writes it. */
  private TimestampMatch hdfs(String s, int from) {
    cur.year = TextDigits.twoDigitYear(TextDigits.number(s, from, 2));
    cur.month = TextDigits.number(s, from + 2, 2);
    cur.day = TextDigits.number(s, from + 4, 2);
    cur.hour = TextDigits.number(s, from + 7, 2);
    cur.minute = TextDigits.number(s, from + 9, 2);
    cur.second = TextDigits.number(s, from + 11, 2);
    cur.pos = from + 13;
    return finish(s, Shape.NUMERIC);
  }

  /**
   * {@code yyyy-MM-dd[T ]HH:mm:ss}, {@code yyyy/MM/dd}, {@code yyyy.MM.dd}, DB2's {@code
   * -HH.mm.ss}.
   */
  private TimestampMatch yearFirst(String s, int from, char sep, boolean whole) {
    cur.year = TextDigits.number(s, from, 4);
    cur.pos = from + 5;
    cur.month = cur.twoDigits(s);
    if (cur.month < 0 || TextDigits.charAt(s, cur.pos) != sep) {
      return null;
    }
    cur.pos++;
    cur.day = cur.twoDigits(s);
    if (cur.day < 0) {
      return null;
    }
    char c = TextDigits.charAt(s, cur.pos);
    if (c == 'T' || c == ' ' || c == '-') {
      int save = cur.pos;
      cur.pos++;
      if (cur.timeOfDay(s, c == '-' ? '.' : ':', false)) {
        return finish(s, Shape.ISO);
      }
      cur.pos = save;
    }
    return whole ? finish(s, Shape.ISO) : null;
  }

  /** {@code yy/MM/dd HH:mm:ss}, {@code MM/dd/yyyy HH:mm:ss} or yearless {@code MM/dd HH:mm:ss}. */
  private TimestampMatch slashed(String s, int from, int n) {
    int a = TextDigits.number(s, from, n);
    cur.pos = from + n + 1;
    int b = cur.upToTwoDigits(s);
    if (b < 0) {
      return null;
    }
    if (TextDigits.charAt(s, cur.pos) == '/') {
      cur.pos++;
      int c = TextDigits.digitRun(s, cur.pos);
      if (c == 2) {
        cur.year = TextDigits.twoDigitYear(a);
        cur.month = b;
        cur.day = TextDigits.number(s, cur.pos, 2);
      } else if (c == 4) {
        cur.month = a;
        cur.day = b;
        cur.year = TextDigits.number(s, cur.pos, 4);
      } else {
        return null;
      }
      cur.pos += c;
    } else {
      cur.year = referenceYear;
      cur.month = a;
      cur.day = b;
    }
    if (TextDigits.charAt(s, cur.pos) != ' ') {
      return null;
    }
    cur.pos++;
    return cur.timeOfDay(s, false) ? finish(s, Shape.NUMERIC) : null;
  }

  /** The instant that dates a time of cur.day given alone. */
  void setReference(long epochMillis) {
    referenceMillis = epochMillis;
  }

  /**
   * {@code HH:mm:ss[.SSS]} alone takes the reference's date, or the next cur.day's when it is more
   * than twelve hours before the reference (the log passed midnight).
   */
  private TimestampMatch timeOnly(String s, int from) {
    cur.pos = from;
    if (!cur.timeOfDay(s, false)) {
      return null;
    }
    long referenceSecond = Math.floorDiv(referenceMillis, 1000);
    long referenceLocal = referenceSecond + zone.offsetAtInstant(referenceSecond);
    long referenceDay = Math.floorDiv(referenceLocal, 86_400L);
    long local =
        referenceDay * 86_400L + cur.hour * 3600L + cur.minute * 60L + Math.min(cur.second, 59);
    if (local < referenceLocal - 43_200L) {
      local += 86_400L;
    }
    long epochDay = Math.floorDiv(local, 86_400L);
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    cur.year = date.getYear();
    cur.month = date.getMonthValue();
    cur.day = date.getDayOfMonth();
    return finish(s, Shape.TIME_OF_DAY);
  }

  /** Yearless {@code MM-dd HH:mm:ss} (Android) and {@code MM.dd HH:mm:ss}. */
  private TimestampMatch monthDay(String s, int from, char sep) {
    cur.month = TextDigits.number(s, from, 2);
    cur.pos = from + 3;
    cur.day = cur.twoDigits(s);
    if (cur.day < 0 || TextDigits.charAt(s, cur.pos) != ' ') {
      return null;
    }
    cur.year = referenceYear;
    cur.pos++;
    return cur.timeOfDay(s, false) ? finish(s, Shape.NUMERIC) : null;
  }

  private TimestampMatch epoch(String s, int from, int n, boolean whole) {
    if (!whole && (n % 3 != 1 || TextDigits.isLetter(TextDigits.charAt(s, from + n)))) {
      return null; // a line's head needs exactly 10, 13, 16 or 19 digits
    }
    long value = 0;
    for (int i = from; i < from + n; i++) {
      value = value * 10 + (s.charAt(i) - '0');
    }
    cur.pos = from + n;
    long millis;
    if (TextDigits.charAt(s, cur.pos) == '.'
        && TextDigits.isDigit(TextDigits.charAt(s, cur.pos + 1))
        && value < 100_000_000_000L) {
      cur.pos++;
      int f = TextDigits.digitRun(s, cur.pos);
      millis = value * 1000 + TextDigits.fractionNanos(s, cur.pos, f) / 1_000_000;
      cur.pos += f;
    } else {
      millis = TimestampParser.epochToMillis(value);
    }
    if (millis < MIN_EPOCH_MILLIS || millis >= MAX_EPOCH_MILLIS) {
      return null;
    }
    return new TimestampMatch(millis, cur.pos, Shape.EPOCH);
  }

  /** The instant of the fields {@code shape} was read into, or null when no shape was read. */
  private TimestampMatch finished(String s, Shape shape) {
    return shape == null ? null : finish(s, shape);
  }

  /** Reads an optional zone after the time, validates the fields and computes the instant. */
  private TimestampMatch finish(String s, Shape shape) {
    long zoneSuffix = ZoneSuffix.read(s, cur.pos);
    if (zoneSuffix != ZoneSuffix.NONE) {
      hasOffset = true;
      offsetSeconds = ZoneSuffix.offsetSeconds(zoneSuffix);
      cur.pos = ZoneSuffix.end(zoneSuffix);
    }
    if (cur.month < 1
        || cur.month > 12
        || cur.day < 1
        || cur.day > 31
        || cur.hour > 23
        || cur.minute > 59
        || cur.second > 60) {
      return null;
    }
    long local =
        LocalTimeZone.epochDay(cur.year, cur.month, cur.day) * 86_400L
            + cur.hour * 3600L
            + cur.minute * 60L
            + Math.min(cur.second, 59);
    long offset = hasOffset ? offsetSeconds : zone.offsetAt(local);
    return new TimestampMatch((local - offset) * 1000 + cur.nanos / 1_000_000, cur.pos, shape);
  }
}
