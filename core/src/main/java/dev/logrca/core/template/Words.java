package dev.logrca.core.template;

import java.util.Arrays;

/**
 * The whitespace-separated words of one message, kept as offsets into it so that a word becomes a
 * string only when something needs its text. An owner reuses one instance from message to message,
 * so finding the words allocates nothing once the arrays are large enough.
 */
final class Words {
  /** A digit. */
  static final int DIGIT = 1;

  /** A quote or an opening bracket, which may open a value of several words. */
  static final int OPENING = 2;

  /** A point. */
  static final int POINT = 4;

  /** {@code _} or {@code -}, which join a numbered name. */
  static final int JOINER = 8;

  /** An ASCII letter. */
  static final int LETTER = 16;

  /** Anything else, any character beyond ASCII included. */
  static final int OTHER = 32;

  private static final int[] KINDS = new int[128];

  static {
    for (char c = 0; c < 128; c++) {
      KINDS[c] =
          c >= '0' && c <= '9'
              ? DIGIT
              : c == '"' || c == '\'' || c == '[' || c == '{'
                  ? OPENING
                  : c == '.'
                      ? POINT
                      : c == '_' || c == '-'
                          ? JOINER
                          : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? LETTER : OTHER;
    }
  }

  private String message = "";
  private int[] starts = new int[32];
  private int[] ends = new int[32];

  /** For each word, the kinds of character it has, as a set of the bits above. */
  private int[] kinds = new int[32];

  private int count;

  /** The words of {@code message}, in a new instance. */
  static Words of(String message) {
    return new Words().scan(message);
  }

  /** Finds the words of {@code message}, forgetting those of the previous one. */
  Words scan(String message) {
    this.message = message;
    count = 0;
    int length = message.length();
    int i = 0;
    while (i < length) {
      while (i < length && Character.isWhitespace(message.charAt(i))) {
        i++;
      }
      int start = i;
      int kind = 0;
      char c;
      while (i < length && !Character.isWhitespace(c = message.charAt(i))) {
        kind |= c < 128 ? KINDS[c] : OTHER;
        i++;
      }
      if (i > start) {
        add(start, i, kind);
      }
    }
    return this;
  }

  private void add(int start, int end, int kind) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, 2 * count);
      ends = Arrays.copyOf(ends, 2 * count);
      kinds = Arrays.copyOf(kinds, 2 * count);
    }
    starts[count] = start;
    ends[count] = end;
    kinds[count] = kind;
    count++;
  }

  /** The kinds of character the word has: a set of {@link #DIGIT}, {@link #OPENING}... */
  int kinds(int word) {
    return kinds[word];
  }

  int count() {
    return count;
  }

  String message() {
    return message;
  }

  int start(int word) {
    return starts[word];
  }

  int end(int word) {
    return ends[word];
  }

  int length(int word) {
    return ends[word] - starts[word];
  }

  /** The character at {@code position} within the word. */
  char charAt(int word, int position) {
    return message.charAt(starts[word] + position);
  }

  String text(int word) {
    return message.substring(starts[word], ends[word]);
  }

  /** Whether the word reads exactly {@code text}, compared in place. */
  boolean is(int word, String text) {
    return ends[word] - starts[word] == text.length()
        && message.regionMatches(starts[word], text, 0, text.length());
  }

  /** Whether the word's first {@code length} characters are those of {@code other}'s. */
  boolean samePrefix(int word, int other, int length) {
    return length(word) >= length
        && length(other) >= length
        && message.regionMatches(starts[word], message, starts[other], length);
  }
}
