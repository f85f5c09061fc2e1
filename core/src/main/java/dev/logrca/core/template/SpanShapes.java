package dev.logrca.core.template;

import static dev.logrca.core.template.CharRuns.decimalEnd;
import static dev.logrca.core.template.CharRuns.digits;
import static dev.logrca.core.template.CharRuns.is;

/**
 * Hand-written matchers for the values the plain tokeniser joins from several words: a size with
 * its unit, an approximate duration, a date written out. Each accepts exactly what the regular
 * expression in its comment accepts with {@code matches()}; {@code SpanShapesTest} holds them to
 * it.
 */
final class SpanShapes {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private SpanShapes() {}

  /** {@code \d+(\.\d+)? ([KMGTP]i?B|kB|B|bytes)( \(\d+(\.\d+)? \w+\))?}. */
  static boolean isSize(String s) {
    int n = s.length();
    int i = is(s, decimalEnd(s, 0, n), n, ' ');
    if (i < 0) {
      return false;
    }
    int unitEnd = s.indexOf(' ', i);
    if (unitEnd < 0) {
      unitEnd = n;
    }
    if (!isSizeUnit(s, i, unitEnd)) {
      return false;
    }
    if (unitEnd == n) {
      return true;
    }
    // a restatement in other units: " (1.16 KB)"
    i = is(s, decimalEnd(s, is(s, unitEnd + 1, n, '('), n), n, ' ');
    if (i < 0) {
      return false;
    }
    int word = CharRuns.wordEnd(s, i, n);
    return word > i && word == n - 1 && s.charAt(word) == ')';
  }

  /** {@code [KMGTP]i?B|kB|B|bytes}. */
  private static boolean isSizeUnit(String s, int from, int to) {
    int length = to - from;
    char first = length > 0 ? s.charAt(from) : 0;
    boolean scaled = "KMGTP".indexOf(first) >= 0;
    return switch (length) {
      case 1 -> first == 'B';
      case 2 -> (scaled || first == 'k') && s.charAt(from + 1) == 'B';
      case 3 -> scaled && s.charAt(from + 1) == 'i' && s.charAt(from + 2) == 'B';
      case 5 -> s.startsWith("bytes", from);
      default -> false;
    };
  }

  /** {@code [<>]\d+(\.\d+)? [a-z]+}. */
  static boolean isBoundedDuration(String s) {
    int n = s.length();
    if (n == 0 || (s.charAt(0) != '<' && s.charAt(0) != '>')) {
      return false;
    }
    int i = is(s, decimalEnd(s, 1, n), n, ' ');
    if (i < 0 || i == n) {
      return false;
    }
    for (; i < n; i++) {
      if (!CharRuns.isLower(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code ((Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)
   * \d{1,2},? .*\d:\d{2}.*} or {@code \d{4}-\d{2}-\d{2} \d{1,2}:\d{2}.*}.
   */
  static boolean isDate(String s) {
    int n = s.length();
    int iso = TimeShapes.isoDateEnd(s, 0, n);
    if (iso >= 0) {
      int i = is(s, digits(s, is(s, iso, n, ' '), n, 1, 2), n, ':');
      // the minutes' two digits may run on into the rest, which is anything on one line
      return i >= 0
          && i + 2 <= n
          && ValueShapes.isDigit(s.charAt(i))
          && ValueShapes.isDigit(s.charAt(i + 1))
          && noLineTerminator(s, i + 2, n);
    }
    int i = 0;
    if (startsWithName(s, 0, DAYS)) {
      i = 3;
      if (i < n && s.charAt(i) == ',') {
        i++;
      }
      i = is(s, i, n, ' ');
    }
    if (i < 0 || !startsWithName(s, i, MONTHS)) {
      return false;
    }
    i = digits(s, is(s, i + 3, n, ' '), n, 1, 2);
    if (i >= 0 && i < n && s.charAt(i) == ',') {
      i++;
    }
    i = is(s, i, n, ' ');
    return i >= 0 && noLineTerminator(s, i, n) && hasClock(s, i, n);
  }

  /** Whether {@code s} has a name of {@code names} at {@code from}. */
  private static boolean startsWithName(String s, int from, String[] names) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (String name : names) {
      if (s.startsWith(name, from)) {
        return true;
      }
    }
    return false;
  }

  /** {@code .*\d:\d{2}.*} over the range, whose line terminators are already ruled out. */
  private static boolean hasClock(String s, int from, int to) {
    for (int colon = s.indexOf(':', from + 1);
        colon >= 0 && colon + 2 < to;
        colon = s.indexOf(':', colon + 1)) {
      if (ValueShapes.isDigit(s.charAt(colon - 1))
          && ValueShapes.isDigit(s.charAt(colon + 1))
          && ValueShapes.isDigit(s.charAt(colon + 2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean noLineTerminator(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (CharRuns.isLineTerminator(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
