package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts free text at whitespace, but keeps together what is one value spread over several words (a
 * quoted string, a bracketed list, a date written with spaces, a number with its unit), so a
 * variable's length never changes the template.
 */
final class PlainTokenizer implements Tokenizer {
  private final int maxSpan;

  PlainTokenizer(int maxSpanTokens) {
    this.maxSpan = maxSpanTokens;
  }

  @Override
  public TokenizedMessage tokenize(String message) {
    List<String> words = splitWhitespace(message);
    // most messages have no multi-word value: their words are their tokens, without a second list
    List<String> tokens = null;
    int i = 0;
    while (i < words.size()) {
      int span = spanAt(words, i);
      if (span > 1 && tokens == null) {
        tokens = new ArrayList<>(words.subList(0, i));
      }
      if (tokens != null) {
        tokens.add(span == 1 ? words.get(i) : String.join(" ", words.subList(i, i + span)));
      }
      i += span;
    }
    List<String> result = tokens == null ? words : tokens;
    return new TokenizedMessage(result.toArray(new String[0]), null, LogShape.PLAIN);
  }

  static List<String> splitWhitespace(String message) {
    List<String> words = new ArrayList<>();
    int length = message.length();
    int i = 0;
    while (i < length) {
      while (i < length && Character.isWhitespace(message.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < length && !Character.isWhitespace(message.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(message.substring(start, i));
      }
    }
    return words;
  }

  /** How many words from {@code i} on form one token (1 when the word stands alone). */
  private int spanAt(List<String> words, int i) {
    int date = DateSpans.length(words, i);
    if (date > 1) {
      return date;
    }
    String word = words.get(i);
    if (mayOpen(word)) {
      int quoted = quotedSpan(words, i, word);
      if (quoted > 1) {
        return quoted;
      }
      int bracketed = bracketedSpan(words, i, word);
      if (bracketed > 1) {
        return bracketed;
      }
    }
    int listed = listSpan(words, i, word);
    if (listed > 1) {
      return listed;
    }
    if (i + 1 < words.size() && isNumber(word) && isSizeUnit(words.get(i + 1))) {
      // "1190 bytes (1.16 KB)": the same size twice is still one value
      boolean restated =
          i + 3 < words.size()
              && words.get(i + 2).startsWith("(")
              && isNumber(words.get(i + 2).substring(1))
              && isSizeUnit(words.get(i + 3))
              && words.get(i + 3).contains(")");
      return restated ? 4 : 2;
    }
    if (i + 1 < words.size() && isBound(word) && isTimeUnit(words.get(i + 1))) {
      return 2;
    }
    return 1;
  }

  /** Whether the word has a quote or an opening bracket: only then can it start a span. */
  private static boolean mayOpen(String word) {
    for (int p = 0; p < word.length(); p++) {
      char c = word.charAt(p);
      if (c == '"' || c == '\'' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  private int quotedSpan(List<String> words, int i, String word) {
    int open = openingQuote(word);
    if (open < 0) {
      return 1;
    }
    char quote = word.charAt(open);
    int limit = Math.min(words.size(), i + maxSpan);
    for (int j = i + 1; j < limit; j++) {
      if (closesQuote(words.get(j), quote)) {
        return j - i + 1;
      }
    }
    return 1;
  }

  /**
   * Position of a quote that opens a value and is not closed in the same word, or -1. A quote opens
   * only at a word start or after {@code = : ( [ ,}, so apostrophes ({@code don't}) do not.
   */
  private static int openingQuote(String word) {
    for (int p = 0; p < word.length(); p++) {
      char c = word.charAt(p);
      if ((c == '"' || c == '\'') && (p == 0 || "=:([{,".indexOf(word.charAt(p - 1)) >= 0)) {
        int count = 0;
        for (int q = p; q < word.length(); q++) {
          if (word.charAt(q) == c) {
            count++;
          }
        }
        return count % 2 == 1 ? p : -1;
      }
    }
    return -1;
  }

  private static boolean closesQuote(String word, char quote) {
    for (int p = word.length() - 1; p >= 0; p--) {
      char c = word.charAt(p);
      if (c == quote) {
        return true;
      }
      if (")]},;:.!?".indexOf(c) < 0) {
        return false;
      }
    }
    return false;
  }

  /**
   * A run of numbered names of one kind ({@code blk_1 blk_-2 blk_3}) is one list, whatever its
   * length, so the count of items never splits the template.
   */
  private static int listSpan(List<String> words, int i, String word) {
    int kind = numberedKind(word);
    if (kind < 0) {
      return 1;
    }
    // unlike a quote that may never close, every item is checked, so no cap on the length
    int j = i + 1;
    while (j < words.size()
        && numberedKind(words.get(j)) == kind
        && words.get(j).regionMatches(0, word, 0, kind)) {
      j++;
    }
    return j - i;
  }

  /**
   * The length of the name in a numbered name ({@code blk_-42}, {@code container_1_02}): letters,
   * then {@code _} or {@code -}, then digits and separators only; -1 for any other word.
   */
  static int numberedKind(String word) {
    int p = 0;
    while (p < word.length() && Character.isLetter(word.charAt(p))) {
      p++;
    }
    if (p == 0 || p == word.length() || (word.charAt(p) != '_' && word.charAt(p) != '-')) {
      return -1;
    }
    boolean digit = false;
    for (int q = p + 1; q < word.length(); q++) {
      char c = word.charAt(q);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '_' && c != '-') {
        return -1;
      }
    }
    return digit ? p + 1 : -1;
  }

  private int bracketedSpan(List<String> words, int i, String word) {
    int depth = bracketBalance(word);
    if (depth <= 0) {
      return 1;
    }
    int limit = Math.min(words.size(), i + maxSpan);
    for (int j = i + 1; j < limit; j++) {
      depth += bracketBalance(words.get(j));
      if (depth <= 0) {
        return j - i + 1;
      }
    }
    return 1;
  }

  private static int bracketBalance(String word) {
    int balance = 0;
    for (int p = 0; p < word.length(); p++) {
      char c = word.charAt(p);
      if (c == '[' || c == '{') {
        balance++;
      } else if (c == ']' || c == '}') {
        balance--;
      }
    }
    return balance;
  }

  private static boolean isNumber(String word) {
    if (word.isEmpty()) {
      return false;
    }
    boolean digit = false;
    for (int p = 0; p < word.length(); p++) {
      char c = word.charAt(p);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.') {
        return false;
      }
    }
    return digit;
  }

  private static String stripTrailing(String word) {
    int end = word.length();
    while (end > 0 && ",;:)".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(0, end);
  }

  private static boolean isSizeUnit(String word) {
    return switch (stripTrailing(word)) {
      case "B", "bytes", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "kB" -> true;
      default -> false;
    };
  }

  /** An approximate amount such as {@code <1} or {@code >500}. */
  private static boolean isBound(String word) {
    return word.length() > 1
        && (word.charAt(0) == '<' || word.charAt(0) == '>')
        && isNumber(word.substring(1));
  }

  private static boolean isTimeUnit(String word) {
    return switch (stripTrailing(word)) {
      case "ns",
          "us",
          "ms",
          "s",
          "sec",
          "secs",
          "second",
          "seconds",
          "min",
          "mins",
          "minutes",
          "h",
          "hours" ->
          true;
      default -> false;
    };
  }
}
