package dev.logrca.core.template;

import java.util.Set;

/**
 * Recognises obvious variables by their shape alone (numbers, addresses, paths, ids...), the way
 * real software prints them; nothing here knows any particular system.
 */
final class VariableClassifier {
  /** Punctuation that makes a value a compound rather than one id (a lookup table, for speed). */
  private static final boolean[] INNER_PUNCTUATION =
      ValueShapes.asciiSet(" =,;()[]{}<>'\"#|!?&*@:/\\");

  private VariableClassifier() {}

  /** The type of {@code value} if it is an obvious variable on its own, else null. */
  static VariableType typeOf(String value) {
    if (value.isEmpty()) {
      return null;
    }
    char first = value.charAt(0);
    if (first == '/' || first == '~' || (first == '.' && value.startsWith("./"))) {
      return pathLike(value);
    }
    if (isDrivePath(value)) {
      return VariableType.PATH;
    }
    if (value.indexOf(' ') >= 0) {
      return spanType(value);
    }
    if (value.indexOf('@') > 0 && AddressShapes.isMailbox(value)) {
      return VariableType.HOST;
    }
    if (!hasDigit(value)) {
      return wordType(value);
    }
    if (isPlainNumber(value)) {
      return VariableType.NUMBER;
    }
    // each shape is tried only when a cheap look at the characters allows it
    boolean colon = value.indexOf(':') >= 0;
    int length = value.length();
    if (length == 36 && ValueShapes.isUuid(value)) {
      return VariableType.UUID;
    }
    if (colon && value.indexOf("://") > 0 && AddressShapes.isUrl(value)) {
      return VariableType.URL;
    }
    if (length <= 16 && ValueShapes.isIpv4(value)) {
      return VariableType.IP;
    }
    if (colon && endsWithPort(value) && AddressShapes.isHostPort(value)) {
      return VariableType.IP_PORT;
    }
    if (length >= 17 && ValueShapes.isMac(value)) {
      return VariableType.HEX;
    }
    if (colon && length > 6 && colonsForIpv6(value) && AddressShapes.isIpv6(value)) {
      return VariableType.IP;
    }
    if (ValueShapes.isDigit(first)
        && (colon || value.indexOf('-') > 0 || value.indexOf('/') > 0)
        && TimeShapes.isTimestamp(value)) {
      return VariableType.TIMESTAMP;
    }
    if (colon && value.indexOf(':') != value.lastIndexOf(':') && AddressShapes.isHexGroups(value)) {
      return VariableType.HEX;
    }
    return numericType(value);
  }

  /** The type of a value that varied between messages: its shape if it has one, else WORD. */
  static VariableType typeOrWord(String value) {
    VariableType type = typeOf(value);
    if (type != null) {
      return type;
    }
    return value.indexOf(' ') >= 0 ? VariableType.QUOTED : VariableType.WORD;
  }

  private static VariableType numericType(String value) {
    char last = value.charAt(value.length() - 1);
    boolean endsWithLetter = Character.isLetter(last);
    if ((last == '%' || value.indexOf('e') > 0 || value.indexOf('E') > 0)
        && ValueShapes.isNumber(value)) {
      return VariableType.NUMBER;
    }
    if (ValueShapes.isHex(value)) {
      return VariableType.HEX;
    }
    if (endsWithLetter && ValueShapes.isDuration(value)) {
      return VariableType.DURATION;
    }
    if (endsWithLetter && ValueShapes.isSize(value)) {
      return VariableType.SIZE;
    }
    char first = value.charAt(0);
    if (value.indexOf('.') > 0
        && (ValueShapes.isDigit(first) || first == 'v' || first == 'V')
        && ValueShapes.isVersion(value)) {
      return VariableType.VERSION;
    }
    if (!atomic(value)) {
      return null;
    }
    if (startsWithDigit(value) || hasNumericPart(value)) {
      return VariableType.ID;
    }
    return isHostName(value) ? VariableType.HOST : null;
  }

  private static VariableType pathLike(String value) {
    if (value.length() < 2 || value.indexOf(' ') >= 0) {
      return value.indexOf(' ') >= 0 ? spanType(value) : null;
    }
    if (ValueShapes.isIpv4(value)) {
      return VariableType.IP;
    }
    if (endsWithPort(value) && AddressShapes.isHostPort(value)) {
      return VariableType.IP_PORT;
    }
    return VariableType.PATH;
  }

  private static VariableType wordType(String value) {
    if (value.equals("true") || value.equals("false") || value.equals("null")) {
      return VariableType.BOOLEAN;
    }
    if (value.indexOf("://") > 0 && AddressShapes.isUrl(value)) {
      return VariableType.URL;
    }
    if (value.length() >= 8 && value.indexOf(':') > 0 && ValueShapes.isMac(value)) {
      return VariableType.HEX;
    }
    return isHostName(value) ? VariableType.HOST : null;
  }

  /** Top-level domains that end a host name of two labels or more. */
  private static final Set<String> GENERIC_DOMAINS =
      Set.of("com", "net", "org", "edu", "gov", "mil", "int", "info", "biz");

  /**
   * A host name by its shape: dot-separated labels of letters, digits and dashes, ending in a
   * generic top-level domain, or in a generic second level under a country ({@code x.edu.hk},
   * {@code x.co.uk}); so neither {@code file.py} nor {@code mapreduce.task.attempt.id} is one. Java
   * packages end in their own names ({@code org.example.job}).
   */
  static boolean isHostName(String value) {
    int lastDot = value.lastIndexOf('.');
    if (lastDot <= 0 || lastDot == value.length() - 1) {
      return false;
    }
    String top = value.substring(lastDot + 1);
    int labels = 1;
    int labelLength = 0;
    for (int i = 0; i < lastDot; i++) {
      char c = value.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return false;
        }
        labels++;
        labelLength = 0;
      } else if (Character.isLetterOrDigit(c) || (c == '-' && labelLength > 0)) {
        labelLength++;
      } else {
        return false;
      }
    }
    if (labelLength == 0) {
      return false;
    }
    if (GENERIC_DOMAINS.contains(top)) {
      return true;
    }
    if (labels < 2 || top.length() != 2 || !Character.isLowerCase(top.charAt(0))) {
      return false;
    }
    int secondDot = value.lastIndexOf('.', lastDot - 1);
    String second = value.substring(secondDot + 1, lastDot);
    return GENERIC_DOMAINS.contains(second) || second.equals("ac") || second.equals("co");
  }

  /** Types for the multi-word spans the tokeniser joins: quotes, lists, dates, sizes. */
  private static VariableType spanType(String value) {
    char first = value.charAt(0);
    if (first == '"' || first == '\'') {
      return VariableType.QUOTED;
    }
    if (first == '[' || first == '{' || isNumberedList(value)) {
      return VariableType.LIST;
    }
    if (ValueShapes.isDigit(first) && SpanShapes.isSize(value)) {
      return VariableType.SIZE;
    }
    if ((first == '<' || first == '>') && SpanShapes.isBoundedDuration(value)) {
      return VariableType.DURATION;
    }
    if (value.indexOf(':') > 0 && SpanShapes.isDate(value)) {
      return VariableType.TIMESTAMP;
    }
    return null;
  }

  /** Numbered names of one kind, apart by single spaces, as the tokeniser joins them. */
  private static boolean isNumberedList(String value) {
    int kind = PlainTokenizer.numberedKind(value.substring(0, value.indexOf(' ')));
    if (kind < 0) {
      return false;
    }
    for (int from = 0; from < value.length(); ) {
      int end = value.indexOf(' ', from);
      String word = value.substring(from, end < 0 ? value.length() : end);
      if (PlainTokenizer.numberedKind(word) != kind || !word.regionMatches(0, value, 0, kind)) {
        return false;
      }
      from = end < 0 ? value.length() : end + 1;
    }
    return true;
  }

  /**
   * What {@code :\\d{1,5}} at the end of {@link AddressShapes#isHostPort} needs: a colon after the
   * first character, then one to five digits and nothing else.
   */
  private static boolean endsWithPort(String value) {
    int colon = value.lastIndexOf(':');
    int digits = value.length() - colon - 1;
    if (colon < 1 || digits < 1 || digits > 5) {
      return false;
    }
    for (int i = colon + 1; i < value.length(); i++) {
      if (!ValueShapes.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A Windows path from a drive letter: {@code C:\Users\x} or {@code C:/hadoop/x.jar}. */
  private static boolean isDrivePath(String value) {
    return value.length() > 3
        && value.charAt(1) == ':'
        && (value.charAt(2) == '\\' || value.charAt(2) == '/')
        && Character.isLetter(value.charAt(0))
        && value.indexOf(' ') < 0;
  }

  /**
   * What {@link AddressShapes#isIpv6} needs: two to seven colons, and only its characters up to any
   * zone.
   */
  private static boolean colonsForIpv6(String value) {
    int colons = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        break;
      }
      if (c == ':') {
        colons++;
      } else if (!ValueShapes.isHex(c) && c != '/' && c != '[' && c != ']') {
        return false;
      }
    }
    return colons >= 2 && colons <= 7;
  }

  /** Digits with an optional sign and one decimal point: the common case, without a regex. */
  static boolean isPlainNumber(String value) {
    int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
    boolean digits = false;
    boolean point = false;
    for (; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point && digits) {
        point = true;
      } else {
        return false;
      }
    }
    return digits && value.charAt(value.length() - 1) != '.';
  }

  static boolean hasDigit(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithDigit(String value) {
    char c = value.charAt(0);
    if ((c == '-' || c == '+') && value.length() > 1) {
      c = value.charAt(1);
    }
    return c >= '0' && c <= '9';
  }

  /**
   * True when a part between {@code _ - .} separators is all digits, as in {@code blk_-42} or
   * {@code worker-07}; a digit glued to letters ({@code HttpServer2}, {@code tty2}) is part of a
   * name, not a value.
   */
  private static boolean hasNumericPart(String value) {
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      if (i == value.length() || isSeparator(value.charAt(i))) {
        if (i > start && allDigits(value, start, i) && (start > 0 || i < value.length())) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** Only a value without inner punctuation can be an id; {@code a:1} is a key and a value. */
  private static boolean atomic(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 128 && INNER_PUNCTUATION[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }

  private static boolean allDigits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
