package dev.logrca.core.template;

/**
 * The tokens the tokeniser joins from the words between brackets, masked word by word: a list
 * ({@code [mysqld, redis]}, items apart by commas) whose items and their count vary from line to
 * line of one statement, and a phrase ({@code [ Failed password for root from <*> port <*> ssh2]},
 * rsyslog's repeated message) whose words are a message of their own, compared word by word.
 */
final class BracketedWords {
  private BracketedWords() {}

  /** A token of several words that opens with a bracket and closes it. */
  static boolean isBracketed(String token) {
    return token.indexOf(' ') > 0 && opens(token);
  }

  /** A bracketed token of several words that is not a list: words of a message. */
  static boolean isPhrase(String token) {
    return isBracketed(token) && !isList(token);
  }

  /**
   * Two bracketed lists, one of several items ({@code [mysqld, redis]} and {@code [zk]}): one
   * statement listing other items, which must not make two templates.
   */
  static boolean itemsOfOneList(String token, String word) {
    return isList(token) && isList(word) && (token.indexOf(',') > 0 || word.indexOf(',') > 0);
  }

  /** Whether each word of the template's phrase is the message's word or covers it. */
  static boolean coversWordByWord(String phrase, String word) {
    String[] templateWords = phrase.split(" ");
    String[] words = word.split(" ");
    if (templateWords.length != words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      String t = templateWords[i];
      if (!t.equals(words[i])
          && !(t.equals(TokenMasker.WILDCARD) && !words[i].isEmpty())
          && !SimilarTemplates.covers(t, words[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Two phrases of as many words that differ in one word, comparable as {@link
   * VaryingPosition#comparable} compares two tokens ({@code for root from} and {@code for ftp
   * from}): one statement with a value masking missed.
   */
  static boolean oneWordApart(String token, String word) {
    if (!isPhrase(token) || !isPhrase(word)) {
      return false;
    }
    String[] a = token.split(" ");
    String[] b = word.split(" ");
    if (a.length != b.length) {
      return false;
    }
    int differing = -1;
    for (int i = 0; i < a.length; i++) {
      if (!a[i].equals(b[i])) {
        if (differing >= 0) {
          return false;
        }
        differing = i;
      }
    }
    return differing >= 0 && VaryingPosition.comparable(a[differing], b[differing]);
  }

  /**
   * Two phrases of as many words widened word by word, so the words they share stay in the
   * template; null when they are not two such phrases.
   */
  static String widenWordByWord(String a, String b) {
    if (!isPhrase(a) || !isPhrase(b)) {
      return null;
    }
    String[] x = a.split(" ");
    String[] y = b.split(" ");
    if (x.length != y.length) {
      return null;
    }
    StringBuilder out = new StringBuilder(a.length());
    for (int i = 0; i < x.length; i++) {
      if (i > 0) {
        out.append(' ');
      }
      boolean same = x[i].equals(y[i]) || SimilarTemplates.covers(x[i], y[i]);
      out.append(same ? x[i] : SimilarTemplates.widen(x[i], y[i]));
    }
    return out.toString();
  }

  /** Brackets holding items apart by commas: every space inside follows a comma. */
  private static boolean isList(String token) {
    if (!opens(token)) {
      return false;
    }
    for (int p = token.indexOf(' '); p >= 0; p = token.indexOf(' ', p + 1)) {
      if (token.charAt(p - 1) != ',') {
        return false;
      }
    }
    return true;
  }

  private static boolean opens(String token) {
    char first = token.charAt(0);
    return (first == '[' && token.indexOf(']') > 0) || (first == '{' && token.indexOf('}') > 0);
  }
}
