package dev.logrca.core.decode;

import dev.logrca.core.model.Level;

/** Character-level helpers for reading the words of a line's header. */
final class LineWords {
  private LineWords() {}

  static int skipBlanks(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Skips blanks and the separators loggers put between header and message. */
  static int skipSeparators(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean separator =
          c == '|' || ((c == '-' || c == ':') && (i + 1 == s.length() || s.charAt(i + 1) == ' '));
      if (c != ' ' && c != '\t' && !separator) {
        return i;
      }
      i++;
    }
    return i;
  }

  static int wordEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
      i++;
    }
    return i;
  }

  /** The index of the bracket closing the one at {@code open}, allowing nesting, or -1. */
  static int closingBracket(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  static boolean isSeparator(String word) {
    return word.equals("-")
        || word.equals("|")
        || word.equals(":")
        || word.equals("--")
        // Spring Boot's "ERROR 1 --- [main] c.e.Foo : msg"
        || word.equals("---");
  }

  /**
   * The level a header word names. Capitals count as they are ({@code INFO}, {@code FATAL:}); other
   * spellings only when bracketed ({@code [error]}, Apache's {@code [core:error]}) or followed by a
   * colon ({@code info: msg}). Numbers never count here: too many header words are numbers.
   */
  static Level levelOf(String word, boolean bracketed) {
    String w = word;
    boolean colon = w.endsWith(":");
    if (colon) {
      w = w.substring(0, w.length() - 1);
    }
    if (bracketed) {
      w = w.substring(w.lastIndexOf(':') + 1);
    }
    if (w.length() < 3 || w.length() > 11) {
      return Level.UNKNOWN;
    }
    boolean capitals = true;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!TextDigits.isLetter(c)) {
        return Level.UNKNOWN;
      }
      capitals &= c <= 'Z';
    }
    return capitals || bracketed || colon ? Level.parse(w) : Level.UNKNOWN;
  }

  /**
   * True when {@code word[0, end)} reads as a logger or component: {@code com.x.Y}, {@code
   * dfs.DataNode$PacketResponder}, {@code c.e.Foo}; a plain word counts only when it is all
   * identifier characters and has a dot or '$' (or, with {@code end} before " - ", any identifier).
   */
  static boolean isQualifiedName(String word, int end) {
    if (end == 0 || !Character.isJavaIdentifierStart(word.charAt(0))) {
      return false;
    }
    boolean qualified = false;
    for (int i = 0; i < end; i++) {
      char c = word.charAt(i);
      if (c == '.' || c == '$') {
        qualified = true;
      } else if (!Character.isJavaIdentifierPart(c) && c != '-') {
        return false;
      }
    }
    return qualified || end == word.length();
  }
}
