package dev.logrca.core.template;

/**
 * Where runs of one kind of character end, read in place between {@code from} and {@code to}: the
 * pieces the hand-written shape matchers ({@link TimeShapes}, {@link SpanShapes}, {@link
 * AddressShapes}) are built of. Every method returns a position, or -1 when the run is not there.
 */
final class CharRuns {
  private CharRuns() {}

  /** The end of the digits from {@code from} (itself when there are none). */
  static int digitsEnd(String s, int from, int to) {
    int i = from;
    while (i < to && ValueShapes.isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * The end of {@code \d{min,max}} from {@code from} when the digits there are that many, or -1.
   */
  static int digits(String s, int from, int to, int min, int max) {
    if (from < 0) {
      return -1;
    }
    int end = digitsEnd(s, from, to);
    return end - from >= min && end - from <= max ? end : -1;
  }

  /** {@code from + 1} when the character at {@code from} is {@code c}, else -1. */
  static int is(String s, int from, int to, char c) {
    return from >= 0 && from < to && s.charAt(from) == c ? from + 1 : -1;
  }

  /** The end of {@code \d+(\.\d+)?} from {@code from}, or -1 when no digit is there. */
  static int decimalEnd(String s, int from, int to) {
    if (from < 0) {
      return -1;
    }
    int i = digitsEnd(s, from, to);
    if (i == from) {
      return -1;
    }
    if (i + 1 < to && s.charAt(i) == '.' && ValueShapes.isDigit(s.charAt(i + 1))) {
      return digitsEnd(s, i + 1, to);
    }
    return i;
  }

  /** The end of the hex digits from {@code from} (itself when there are none). */
  static int hexEnd(String s, int from, int to) {
    int i = from;
    while (i < to && ValueShapes.isHex(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the word characters ({@code \w}: ASCII letters, digits, underscore) from there. */
  static int wordEnd(String s, int from, int to) {
    int i = from;
    while (i < to && isWordChar(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code \w} of a regular expression without flags. */
  static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** {@code \s} of a regular expression without flags. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** What {@code .} of a regular expression does not match: a line terminator. */
  static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
