package dev.logrca.core.template;

/**
 * Hand-written matchers for the simplest value shapes, so that the miner's hot path runs no regular
 * expression for them. Each method accepts exactly what the regular expression in its comment
 * accepts with {@code matches()}; {@code ValueShapesTest} holds them to it.
 */
final class ValueShapes {
  private ValueShapes() {}

  /** {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}. */
  static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code /?\d{1,3}(\.\d{1,3}){3}}. */
  static boolean isIpv4(String s) {
    int start = !s.isEmpty() && s.charAt(0) == '/' ? 1 : 0;
    return ipv4End(s, start) == s.length();
  }

  /** {@code /\d{1,3}(\.\d{1,3}){3}:\d{1,5}}: a socket address as Java prints it. */
  static boolean isSlashSocket(String s) {
    if (s.isEmpty() || s.charAt(0) != '/') {
      return false;
    }
    int colon = ipv4End(s, 1);
    if (colon < 0 || colon >= s.length() || s.charAt(colon) != ':') {
      return false;
    }
    int port = s.length() - colon - 1;
    return port >= 1 && port <= 5 && digitsEnd(s, colon + 1) == s.length();
  }

  /** {@code [0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5,}}. */
  static boolean isMac(String s) {
    int length = s.length();
    if (length < 17 || (length - 2) % 3 != 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (i % 3 == 2 ? c != ':' && c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /** {@code 0[xX][0-9a-fA-F]+|[0-9a-fA-F]{8,}}. */
  static boolean isHex(String s) {
    int length = s.length();
    if (length >= 3 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      if (allHex(s, 2)) {
        return true;
      }
    }
    return length >= 8 && allHex(s, 0);
  }

  /** {@code [-+]?\d+(\.\d+)?([eE][-+]?\d+)?%?}. */
  static boolean isNumber(String s) {
    int i = decimalEnd(s, sign(s, 0));
    if (i < 0) {
      return false;
    }
    int length = s.length();
    if (i < length && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int exponent = sign(s, i + 1);
      int end = digitsEnd(s, exponent);
      if (end == exponent) {
        return false;
      }
      i = end;
    }
    if (i < length && s.charAt(i) == '%') {
      i++;
    }
    return i == length;
  }

  /** {@code [-+]?\d+(\.\d+)?(ns|us|µs|ms|s|sec|secs|m|min|mins|h|hr|hrs|d)}. */
  static boolean isDuration(String s) {
    int i = decimalEnd(s, sign(s, 0));
    if (i < 0) {
      return false;
    }
    return switch (s.substring(i)) {
      case "ns", "us", "µs", "ms", "s", "sec", "secs", "m", "min", "mins", "h", "hr", "hrs", "d" ->
          true;
      default -> false;
    };
  }

  /** {@code \d+(\.\d+)?\s?([KMGTP]i?B|[KMGTPkmgt]|[kmgt]b|bytes)}. */
  static boolean isSize(String s) {
    int i = decimalEnd(s, 0);
    if (i < 0) {
      return false;
    }
    if (i < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String unit = s.substring(i);
    switch (unit.length()) {
      case 1:
        return "KMGTPkmgt".indexOf(unit.charAt(0)) >= 0;
      case 2:
        return ("KMGTP".indexOf(unit.charAt(0)) >= 0 && unit.charAt(1) == 'B')
            || ("kmgt".indexOf(unit.charAt(0)) >= 0 && unit.charAt(1) == 'b');
      case 3:
        return "KMGTP".indexOf(unit.charAt(0)) >= 0
            && unit.charAt(1) == 'i'
            && unit.charAt(2) == 'B';
      default:
        return unit.equals("bytes");
    }
  }

  /**
   * {@code [vV]?\d+(\.\d+)+([-+._]\w+)*}: a version, perhaps with qualifiers ({@code 2.7.1-rc1}).
   */
  static boolean isVersion(String s) {
    int length = s.length();
    int i = length > 0 && (s.charAt(0) == 'v' || s.charAt(0) == 'V') ? 1 : 0;
    int end = digitsEnd(s, i);
    if (end == i || end + 1 >= length || s.charAt(end) != '.') {
      return false;
    }
    i = end + 1;
    end = digitsEnd(s, i);
    if (end == i) {
      return false;
    }
    // the qualifiers: each separator is followed by a word character ('_' is both)
    for (int p = end; p < length; p++) {
      char c = s.charAt(p);
      boolean separator = c == '-' || c == '+' || c == '.' || (c == '_' && p == end);
      if (separator) {
        if (p + 1 == length || !CharRuns.isWordChar(s.charAt(p + 1))) {
          return false;
        }
      } else if (p == end || !CharRuns.isWordChar(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code
   * ([A-Za-z][A-Za-z0-9]*(-[A-Za-z][A-Za-z0-9]*)*\.+|[A-Za-z_]*_[A-Za-z_]*(-[A-Za-z][A-Za-z0-9]*)*\.+|[A-Za-z][A-Za-z0-9]*-|\.+)\d+(\.\d+)*}:
   * a name (dashed words allowed before points; a symbol of letters and underscores too, as in a C
   * block's {@code __callback_block_invoke.434}), then points or a dash, then a number; a name of
   * several dashed words before a dash ({@code mesos-slave-07}) is not one, nor a symbol before a
   * dash ({@code blk_-42} is one id), nor a symbol with digits ({@code dquot_6.5.1} is a version).
   */
  static boolean isNameThenNumber(String s) {
    int length = s.length();
    if (length == 0) {
      return false;
    }
    int i = 0;
    char first = s.charAt(0);
    if (isAsciiLetter(first) || first == '_') {
      i = symbolEnd(s, 0);
      boolean symbol = s.lastIndexOf('_', i - 1) >= 0;
      if (symbol && hasDigit(s, i)) {
        return false; // dquot_6.5.1 is a version as a whole
      }
      // a symbol with underscores is a name only before points
      int words = symbol ? 2 : 1;
      while (i + 1 < length && s.charAt(i) == '-' && isAsciiLetter(s.charAt(i + 1))) {
        i = wordEnd(s, i + 1);
        words++;
      }
      if (i < length && s.charAt(i) == '.') {
        while (i < length && s.charAt(i) == '.') {
          i++;
        }
      } else if (i < length && s.charAt(i) == '-' && words == 1) {
        i++;
      } else {
        return false;
      }
    } else if (first == '.') {
      while (i < length && s.charAt(i) == '.') {
        i++;
      }
    } else {
      return false;
    }
    // \d+(\.\d+)*: digit groups joined by single dots
    while (true) {
      int end = digitsEnd(s, i);
      if (end == i) {
        return false;
      }
      if (end == length) {
        return true;
      }
      if (s.charAt(end) != '.') {
        return false;
      }
      i = end + 1;
    }
  }

  /** Whether a digit stands before {@code end}. */
  private static boolean hasDigit(String s, int end) {
    for (int i = 0; i < end; i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The end of the letters, digits and underscores from {@code from}. */
  private static int symbolEnd(String s, int from) {
    int i = from;
    while (i < s.length()
        && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  /** The end of the letters and digits from {@code from}. */
  private static int wordEnd(String s, int from) {
    int i = from;
    while (i < s.length() && (isAsciiLetter(s.charAt(i)) || isDigit(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  /** The end of {@code \d{1,3}(\.\d{1,3}){3}} read from {@code from}, or -1. */
  private static int ipv4End(String s, int from) {
    int i = from;
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (i >= s.length() || s.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int end = digitRun(s, i, 3);
      if (end < 0) {
        return -1;
      }
      i = end;
    }
    return i;
  }

  /** The end of 1 to {@code max} digits from {@code from}, or -1. */
  private static int digitRun(String s, int from, int max) {
    int end = digitsEnd(s, from);
    return end == from || end - from > max ? -1 : end;
  }

  /** The end of {@code \d+(\.\d+)?} from {@code from}, or -1 when there is no such number. */
  private static int decimalEnd(String s, int from) {
    int i = digitsEnd(s, from);
    if (i == from) {
      return -1;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      int fraction = digitsEnd(s, i + 1);
      if (fraction > i + 1) {
        return fraction;
      }
    }
    return i;
  }

  private static int sign(String s, int i) {
    return i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+') ? i + 1 : i;
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean allHex(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      if (!isHex(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A lookup table for a set of ASCII characters: one array read instead of a string search. */
  static boolean[] asciiSet(String chars) {
    boolean[] set = new boolean[128];
    for (int i = 0; i < chars.length(); i++) {
      set[chars.charAt(i)] = true;
    }
    return set;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
