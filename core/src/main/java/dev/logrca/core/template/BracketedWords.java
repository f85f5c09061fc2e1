package dev.logrca.core.template;

/**
 * Bracketed lists the tokeniser joins into one token ({@code [mysqld, redis]}, items apart by
 * commas, as Java and Python print a list): masked word by word, their items and how many there are
 * vary from line to line of one statement. Brackets holding words of another kind ({@code
 * {OLJCESPC7Z Vintage Record Player ...}}, a Go value printed with {@code %v}) stay one value.
 */
final class BracketedWords {
  private BracketedWords() {}

  /** A list of several items: brackets holding words where every space follows a comma. */
  static boolean isList(String token) {
    return token.indexOf(' ') > 0 && isItems(token);
  }

  /**
   * Two bracketed lists, one of several items ({@code [mysqld, redis]} and {@code [zk]}): one
   * statement listing other items, which must not make two templates.
   */
  static boolean itemsOfOneList(String token, String word) {
    return isItems(token) && isItems(word) && (token.indexOf(',') > 0 || word.indexOf(',') > 0);
  }

  /** Brackets holding items apart by commas: every space inside follows a comma. */
  private static boolean isItems(String token) {
    char first = token.charAt(0);
    boolean closed =
        (first == '[' && token.indexOf(']') > 0) || (first == '{' && token.indexOf('}') > 0);
    if (!closed) {
      return false;
    }
    for (int p = token.indexOf(' '); p >= 0; p = token.indexOf(' ', p + 1)) {
      if (token.charAt(p - 1) != ',') {
        return false;
      }
    }
    return true;
  }
}
