package dev.logrca.core.template;

/**
 * A message less what no rule of tokenising or masking reads, found in one pass: each ASCII digit
 * reads {@code 0}, and each long lower-case hex run ({@code 3ed8a2f0c1b2...}) reads one marker per
 * character, telling only whether it starts with a digit. Every rule reads digits by their class
 * and the count of a run, never their value, but for the {@code 0} of {@code 0x}, which is kept
 * (with any digit before an {@code x}); and a hex run of at least {@value #MIN_RUN} characters with
 * a digit and {@value #MIN_RUN_LETTERS} letters, apart from other word characters, fits no rule by
 * its letters but one (a hex value) whatever they are. So two messages of one skeleton are cut into
 * tokens at the same places and mask alike, but where a mask keeps a digit ({@code tty2}); the
 * {@code LineShapesDifferentialTest} holds the claim to the full miner.
 *
 * <p>One instance is reused from message to message.
 */
final class LineSkeleton {
  /**
   * Longer messages get no skeleton: a remembered shape keeps its skeleton, and memory is bound.
   */
  static final int MAX_LENGTH = 1024;

  /** Each character of a hex run that starts with a digit reads this. */
  static final char RUN_FROM_DIGIT = '\u0001';

  /** Each character of a hex run that starts with a letter reads this. */
  static final char RUN_FROM_LETTER = '\u0002';

  /** A message with a character below this gets no skeleton: it could be taken for a marker. */
  private static final char FIRST_OWN_CHARACTER = '\u0003';

  private static final int MIN_RUN = 8;
  private static final int MIN_RUN_LETTERS = 2;

  private static final byte OTHER = 0;
  private static final byte DIGIT = 1;
  private static final byte HEX_LETTER = 2;
  private static final byte LETTER = 3;

  /** The kind of each ASCII character: a digit, a letter a to f, another letter, or neither. */
  private static final byte[] KINDS = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      KINDS[c] =
          c >= '0' && c <= '9'
              ? DIGIT
              : c >= 'a' && c <= 'f' ? HEX_LETTER : CharRuns.isWordChar(c) && c != '_' ? LETTER : 0;
    }
  }

  private char[] chars = new char[256];
  private int length;
  private int hash;
  private String message;

  /**
   * Reads the skeleton of {@code message}; false when it gets none (too long, or a character that
   * could be taken for a marker), and the caller mines it in full.
   */
  boolean read(String message) {
    this.message = null;
    int n = message.length();
    if (n > MAX_LENGTH) {
      return false;
    }
    if (chars.length < n) {
      chars = new char[Math.max(n, 2 * chars.length)];
    }
    char[] s = chars;
    message.getChars(0, n, s, 0);
    int i = 0;
    while (i < n) {
      char c = s[i];
      if (c >= 128 || KINDS[c] == OTHER) {
        if (c < FIRST_OWN_CHARACTER) {
          return false;
        }
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int hexLetters = 0;
      boolean otherLetters = false;
      do {
        byte kind = KINDS[c];
        digits += kind == DIGIT ? 1 : 0;
        hexLetters += kind == HEX_LETTER ? 1 : 0;
        otherLetters |= kind == LETTER;
        i++;
      } while (i < n && (c = s[i]) < 128 && KINDS[c] != OTHER);
      if (!otherLetters
          && i - start >= MIN_RUN
          && digits > 0
          && hexLetters >= MIN_RUN_LETTERS
          && (start == 0 || apart(s[start - 1]))
          && (i == n || apart(s[i]))) {
        char marker = KINDS[s[start]] == DIGIT ? RUN_FROM_DIGIT : RUN_FROM_LETTER;
        for (int p = start; p < i; p++) {
          s[p] = marker;
        }
      } else if (digits > 0) {
        for (int p = start; p < i; p++) {
          // the digit of "0x" is read by its value
          if (KINDS[s[p]] == DIGIT && (p + 1 == n || (s[p + 1] | 0x20) != 'x')) {
            s[p] = '0';
          }
        }
      }
    }
    this.length = n;
    this.hash = hash(s, n);
    this.message = message;
    return true;
  }

  /** Whether a character next to a hex run keeps it apart: no word character, '_' included. */
  private static boolean apart(char c) {
    return c < 128 ? !CharRuns.isWordChar(c) : !Character.isLetterOrDigit(c);
  }

  /** The message last {@link #read}, or null when it got no skeleton. */
  String message() {
    return message;
  }

  int length() {
    return length;
  }

  int hash() {
    return hash;
  }

  /** Whether this skeleton is {@code other}, a copy of one taken earlier. */
  boolean is(char[] other) {
    return other.length == length && java.util.Arrays.equals(chars, 0, length, other, 0, length);
  }

  /** Whether any character from {@code from} to {@code to} is part of a hex run. */
  boolean hasRun(int from, int to) {
    for (int p = from; p < to; p++) {
      if (chars[p] < FIRST_OWN_CHARACTER) {
        return true;
      }
    }
    return false;
  }

  char[] copy() {
    return java.util.Arrays.copyOf(chars, length);
  }

  /** A hash in four independent chains, as {@link RepeatedMessages#hash} does. */
  private static int hash(char[] s, int length) {
    int a = length;
    int b = 0;
    int c = 0;
    int d = 0;
    int i = 0;
    for (; i + 3 < length; i += 4) {
      a = 31 * a + s[i];
      b = 31 * b + s[i + 1];
      c = 31 * c + s[i + 2];
      d = 31 * d + s[i + 3];
    }
    for (; i < length; i++) {
      a = 31 * a + s[i];
    }
    int h = a * 0x9E3779B1 + b * 0x85EBCA77 + c * 0xC2B2AE3D + d;
    return h ^ (h >>> 16);
  }
}
