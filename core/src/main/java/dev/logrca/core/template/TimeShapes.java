package dev.logrca.core.template;

import static dev.logrca.core.template.CharRuns.digits;
import static dev.logrca.core.template.CharRuns.is;

/**
 * Hand-written matchers for dates and times written as one word; each accepts exactly what the
 * regular expression in its comment accepts with {@code matches()} ({@code TimeShapesTest} holds
 * them to it). The range forms read a word in place, without cutting it out of its message.
 */
final class TimeShapes {
  private TimeShapes() {}

  /**
   * {@code \d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?} or {@code
   * \d{1,2}:\d{2}:\d{2}([.,]\d+)?(Z|[+-]\d{2}:?\d{2})?} or {@code
   * \d{4}/\d{1,2}/\d{1,2}(:\d{1,2}:\d{2}:\d{2}([.,]\d+)?)?} or {@code \d{2}/\d{2}/\d{4}} or {@code
   * \d{1,2}/[A-Z][a-z]{2}/\d{4}(:\d{2}:\d{2}:\d{2})?}.
   */
  static boolean isTimestamp(String s) {
    int n = s.length();
    return isIsoDateTime(s, n)
        || isClockTime(s, n)
        || isYearMonthDay(s, n)
        || (n == 10 && slashDate(s, 0, n, 2, 4) == n)
        || isDayMonthYear(s, n);
  }

  /**
   * {@code \d{4}/\d{1,2}/\d{1,2}(:\d{1,2}:\d{2}:\d{2}([.,]\d+)?)?}: a date written year first, its
   * time joined by a colon as a web server's log joins it to a day-first date ({@code
   * 2016/9/27:20:30:31.455}, the time of a Windows CSI line): one value, not six.
   */
  private static boolean isYearMonthDay(String s, int n) {
    int i = digits(s, 0, n, 4, 4);
    i = digits(s, is(s, i, n, '/'), n, 1, 2);
    i = digits(s, is(s, i, n, '/'), n, 1, 2);
    if (i < 0 || i == n) {
      return i == n;
    }
    i = clockEnd(s, is(s, i, n, ':'), n, true);
    return i == n;
  }

  /** {@code \d{1,2}:\d{2}(:\d{2})?([.,]\d+)?,?}: a time of day as a word of a longer date. */
  static boolean isTime(String s, int from, int to) {
    int i = digits(s, from, to, 1, 2);
    i = digits(s, is(s, i, to, ':'), to, 2, 2);
    if (i < 0) {
      return false;
    }
    if (i < to && s.charAt(i) == ':') {
      i = digits(s, i + 1, to, 2, 2);
      if (i < 0) {
        return false;
      }
    }
    i = fractionEnd(s, i, to);
    return i == to || (i == to - 1 && s.charAt(i) == ',');
  }

  /** {@code \d{1,2},?}. */
  static boolean isDayOfMonth(String s, int from, int to) {
    int i = digits(s, from, to, 1, 2);
    return i == to || (i >= 0 && i == to - 1 && s.charAt(i) == ',');
  }

  /** {@code \d{4}}. */
  static boolean isYear(String s, int from, int to) {
    return digits(s, from, to, 4, 4) == to;
  }

  /** {@code [A-Z]{2,5}|[+-]\d{4}}. */
  static boolean isZone(String s, int from, int to) {
    int length = to - from;
    if (length == 5 && (s.charAt(from) == '+' || s.charAt(from) == '-')) {
      return digits(s, from + 1, to, 4, 4) == to;
    }
    if (length < 2 || length > 5) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!CharRuns.isUpper(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The first alternative of {@link #isTimestamp}: an ISO date, perhaps with its time. */
  private static boolean isIsoDateTime(String s, int n) {
    int i = isoDateEnd(s, 0, n);
    if (i < 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == ' ')) {
      i = clockEnd(s, i + 1, n, false);
    }
    return i >= 0 && endsWithZone(s, i, n);
  }

  /** The second alternative of {@link #isTimestamp}: a time of day with seconds, perhaps a zone. */
  private static boolean isClockTime(String s, int n) {
    int i = clockEnd(s, 0, n, true);
    return i >= 0 && endsWithZone(s, i, n);
  }

  /** The end of {@code \d{4}-\d{2}-\d{2}} from {@code from}, or -1. */
  static int isoDateEnd(String s, int from, int to) {
    int i = digits(s, from, to, 4, 4);
    i = digits(s, is(s, i, to, '-'), to, 2, 2);
    return digits(s, is(s, i, to, '-'), to, 2, 2);
  }

  /**
   * The end of {@code \d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?}, or of {@code
   * \d{1,2}:\d{2}:\d{2}([.,]\d+)?} when {@code seconds} are required; -1 when there is none.
   * Neither part can end earlier and leave a zone to follow, since a zone never starts with a
   * digit, a colon or a point.
   */
  private static int clockEnd(String s, int from, int to, boolean seconds) {
    int i = digits(s, from, to, 1, 2);
    i = digits(s, is(s, i, to, ':'), to, 2, 2);
    if (i < 0) {
      return -1;
    }
    if (i < to && s.charAt(i) == ':') {
      i = digits(s, i + 1, to, 2, 2);
      return i < 0 ? -1 : fractionEnd(s, i, to);
    }
    return seconds ? -1 : i;
  }

  /** The end of an optional {@code [.,]\d+} from {@code from}. */
  private static int fractionEnd(String s, int from, int to) {
    if (from + 1 < to
        && (s.charAt(from) == '.' || s.charAt(from) == ',')
        && ValueShapes.isDigit(s.charAt(from + 1))) {
      return CharRuns.digitsEnd(s, from + 1, to);
    }
    return from;
  }

  /** Whether the rest from {@code from} is empty or {@code Z|[+-]\d{2}:?\d{2}}. */
  private static boolean endsWithZone(String s, int from, int to) {
    if (from == to) {
      return true;
    }
    char c = s.charAt(from);
    if (c == 'Z') {
      return from + 1 == to;
    }
    if (c != '+' && c != '-') {
      return false;
    }
    // two digits, perhaps a colon, two digits: "+0200" is one run of four
    int i = from + 3;
    if (i > to
        || !ValueShapes.isDigit(s.charAt(from + 1))
        || !ValueShapes.isDigit(s.charAt(i - 1))) {
      return false;
    }
    if (i < to && s.charAt(i) == ':') {
      i++;
    }
    return i + 2 == to && ValueShapes.isDigit(s.charAt(i)) && ValueShapes.isDigit(s.charAt(i + 1));
  }

  /** The end of {@code \d{first}/\d{2}/\d{last}} from {@code from}, or -1. */
  private static int slashDate(String s, int from, int to, int first, int last) {
    int i = digits(s, from, to, first, first);
    i = digits(s, is(s, i, to, '/'), to, 2, 2);
    return digits(s, is(s, i, to, '/'), to, last, last);
  }

  /** {@code \d{1,2}/[A-Z][a-z]{2}/\d{4}(:\d{2}:\d{2}:\d{2})?}: the date of a web server's log. */
  private static boolean isDayMonthYear(String s, int n) {
    int i = is(s, digits(s, 0, n, 1, 2), n, '/');
    if (i < 0
        || i + 4 > n
        || !CharRuns.isUpper(s.charAt(i))
        || !CharRuns.isLower(s.charAt(i + 1))
        || !CharRuns.isLower(s.charAt(i + 2))) {
      return false;
    }
    i = digits(s, is(s, i + 3, n, '/'), n, 4, 4);
    if (i < 0 || i == n) {
      return i == n;
    }
    for (int part = 0; part < 3; part++) {
      i = digits(s, is(s, i, n, ':'), n, 2, 2);
    }
    return i == n;
  }
}
