package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts free text at whitespace, but keeps together what is one value spread over several words (a
 * quoted string, a bracketed list, a date written with spaces, a number with its unit), so a
 * variable's length never changes the template. The rules read the words in place ({@link Words}),
 * so a word becomes a string only once it is known to be a token.
 */
final class PlainTokenizer implements Tokenizer {
  /** What a numbered name ({@link #numberedKind}) must have: a joiner and a digit. */
  private static final int NUMBERED = Words.JOINER | Words.DIGIT;

  private final int maxSpan;

  /** The words of the message being cut, reused from one message to the next. */
  private final Words scanned = new Words();

  PlainTokenizer(int maxSpanTokens) {
    this.maxSpan = maxSpanTokens;
  }

  @Override
  public TokenizedMessage tokenize(String message) {
    return tokenize(scanned.scan(message));
  }

  /** As {@link #tokenize(String)}, for a message whose words are already found. */
  TokenizedMessage tokenize(Words words) {
    int count = words.count();
    String[] tokens = new String[count];
    int tokenCount = 0;
    int i = 0;
    while (i < count) {
      int span = spanAt(words, i);
      tokens[tokenCount++] = span == 1 ? words.text(i) : joined(words, i, span);
      i += span;
    }
    if (tokenCount < count) {
      tokens = Arrays.copyOf(tokens, tokenCount);
    }
    return new TokenizedMessage(tokens, null, LogShape.PLAIN);
  }

  /** The words from {@code first} on, apart by single spaces: one token of several words. */
  static String joined(Words words, int first, int span) {
    StringBuilder token = new StringBuilder();
    for (int w = first; w < first + span; w++) {
      if (w > first) {
        token.append(' ');
      }
      token.append(words.message(), words.start(w), words.end(w));
    }
    return token.toString();
  }

  static List<String> splitWhitespace(String message) {
    Words words = Words.of(message);
    List<String> texts = new ArrayList<>(words.count());
    for (int w = 0; w < words.count(); w++) {
      texts.add(words.text(w));
    }
    return texts;
  }

  /** How many words from {@code i} on form one token (1 when the word stands alone). */
  int spanAt(Words words, int i) {
    int date = DateSpans.length(words, i);
    if (date > 1) {
      return date;
    }
    String text = words.message();
    int from = words.start(i);
    int to = words.end(i);
    // the kinds of character a word has rule out most spans without reading it again
    int kinds = words.kinds(i);
    if ((kinds & Words.OPENING) != 0) {
      int quoted = quotedSpan(words, i);
      if (quoted > 1) {
        return quoted;
      }
      int bracketed = bracketedSpan(words, i);
      if (bracketed > 1) {
        return bracketed;
      }
    }
    int listed = (kinds & NUMBERED) == NUMBERED ? listSpan(words, i) : 1;
    if (listed > 1) {
      return listed;
    }
    int count = words.count();
    boolean number = (kinds & ~(Words.DIGIT | Words.POINT)) == 0 && isNumber(text, from, to);
    if (i + 1 < count && number && Units.isSize(words, i + 1)) {
      // "1190 bytes (1.16 KB)": the same size twice is still one value
      boolean restated =
          i + 3 < count
              && words.charAt(i + 2, 0) == '('
              && isNumber(text, words.start(i + 2) + 1, words.end(i + 2))
              && Units.isSize(words, i + 3)
              && indexOf(text, ')', words.start(i + 3), words.end(i + 3)) >= 0;
      return restated ? 4 : 2;
    }
    if (i + 1 < count && isBound(text, from, to) && Units.isTime(words, i + 1)) {
      return 2;
    }
    return i + 1 < count && isDrive(text, from, to) ? drivePathSpan(words, i) : 1;
  }

  /** A word that starts a Windows path: a drive letter, a colon and a backslash. */
  private static boolean isDrive(String text, int from, int to) {
    return to - from > 3
        && text.charAt(from + 1) == ':'
        && text.charAt(from + 2) == '\\'
        && Character.isLetter(text.charAt(from));
  }

  /**
   * A Windows path printed unquoted goes on through the words with a backslash after a space
   * ({@code C:\Program Files\App\app.dll}): one value, whatever its folders are called.
   */
  private int drivePathSpan(Words words, int i) {
    int limit = Math.min(words.count(), i + maxSpan);
    int j = i + 1;
    while (j < limit && indexOf(words.message(), '\\', words.start(j), words.end(j)) > 0) {
      j++;
    }
    return j - i;
  }

  private int quotedSpan(Words words, int i) {
    String text = words.message();
    int open = openingQuote(text, words.start(i), words.end(i));
    if (open < 0) {
      return 1;
    }
    char quote = text.charAt(open);
    int limit = Math.min(words.count(), i + maxSpan);
    for (int j = i + 1; j < limit; j++) {
      if (closesQuote(text, words.start(j), words.end(j), quote)) {
        return j - i + 1;
      }
    }
    return 1;
  }

  /**
   * Position of a quote that opens a value and is not closed in the same word, or -1. A quote opens
   * only at a word start or after {@code = : ( [ ,}, so apostrophes ({@code don't}) do not.
   */
  private static int openingQuote(String text, int from, int to) {
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if ((c == '"' || c == '\'') && (p == from || "=:([{,".indexOf(text.charAt(p - 1)) >= 0)) {
        int count = 0;
        for (int q = p; q < to; q++) {
          if (text.charAt(q) == c) {
            count++;
          }
        }
        return count % 2 == 1 ? p : -1;
      }
    }
    return -1;
  }

  private static boolean closesQuote(String text, int from, int to, char quote) {
    for (int p = to - 1; p >= from; p--) {
      char c = text.charAt(p);
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
  private static int listSpan(Words words, int i) {
    String text = words.message();
    int kind = numberedKind(text, words.start(i), words.end(i));
    if (kind < 0) {
      return 1;
    }
    // unlike a quote that may never close, every item is checked, so no cap on the length
    int j = i + 1;
    while (j < words.count()
        && numberedKind(text, words.start(j), words.end(j)) == kind
        && words.samePrefix(j, i, kind)) {
      j++;
    }
    return j - i;
  }

  /**
   * The length of the name in a numbered name ({@code blk_-42}, {@code container_1_02}): letters,
   * then {@code _} or {@code -}, then digits and separators only; -1 for any other word.
   */
  static int numberedKind(String word) {
    return numberedKind(word, 0, word.length());
  }

  /**
   * {@link #numberedKind(String)} of the characters of {@code text} from {@code from} to {@code
   * to}.
   */
  private static int numberedKind(String text, int from, int to) {
    int p = from;
    while (p < to && Character.isLetter(text.charAt(p))) {
      p++;
    }
    if (p == from || p == to || (text.charAt(p) != '_' && text.charAt(p) != '-')) {
      return -1;
    }
    boolean digit = false;
    for (int q = p + 1; q < to; q++) {
      char c = text.charAt(q);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '_' && c != '-') {
        return -1;
      }
    }
    return digit ? p - from + 1 : -1;
  }

  private int bracketedSpan(Words words, int i) {
    String text = words.message();
    int depth = bracketBalance(text, words.start(i), words.end(i));
    if (depth <= 0) {
      return 1;
    }
    int limit = Math.min(words.count(), i + maxSpan);
    for (int j = i + 1; j < limit; j++) {
      depth += bracketBalance(text, words.start(j), words.end(j));
      if (depth <= 0) {
        // "[method][what happened][details]" (Train-Ticket's logback messages) is a message
        // written as bracketed parts, not one bracketed value: its words stay words
        int from = words.start(i);
        int to = words.end(j);
        return isChain(text, from, to) || isLabelled(text, from, to) ? 1 : j - i + 1;
      }
    }
    return 1;
  }

  /**
   * Whether the brackets at {@code from} hold a labelled phrase rather than a list: a word of
   * letters first ({@code [instance: <uuid>]}, {@code [client 10.0.0.1]}, {@code [HRESULT = 0x8 -
   * E_FAIL]}, {@code [Get Route By Id]}) and no comma. Its words are words of the message, so the
   * label stays in the template and only the value is masked.
   */
  private static boolean isLabelled(String text, int from, int to) {
    if (text.charAt(from) != '[' || indexOf(text, ',', from, to) >= 0) {
      return false;
    }
    int p = from + 1;
    while (p < to && Character.isLetter(text.charAt(p))) {
      p++;
    }
    if (p < to && text.charAt(p) == ':') {
      p++;
    }
    return p - from > 2 && p < to && text.charAt(p) == ' ';
  }

  /** Whether the brackets opened at {@code from} close before {@code to} and another opens. */
  private static boolean isChain(String text, int from, int to) {
    int depth = 0;
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0 && p + 1 < to) {
        char next = text.charAt(p + 1);
        return next == '[' || next == '{';
      }
    }
    return false;
  }

  private static int bracketBalance(String text, int from, int to) {
    int balance = 0;
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c == '[' || c == '{') {
        balance++;
      } else if (c == ']' || c == '}') {
        balance--;
      }
    }
    return balance;
  }

  private static boolean isNumber(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    boolean digit = false;
    for (int p = from; p < to; p++) {
      char c = text.charAt(p);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.') {
        return false;
      }
    }
    return digit;
  }

  /** An approximate amount such as {@code <1} or {@code >500}. */
  private static boolean isBound(String text, int from, int to) {
    return to - from > 1
        && (text.charAt(from) == '<' || text.charAt(from) == '>')
        && isNumber(text, from + 1, to);
  }

  private static int indexOf(String text, char c, int from, int to) {
    for (int p = from; p < to; p++) {
      if (text.charAt(p) == c) {
        return p;
      }
    }
    return -1;
  }
}
