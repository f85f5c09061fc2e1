package dev.logrca.core.template;

import java.util.Arrays;

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
  static final int MAX_LENGTH = 512;

  /** Each character of a hex run that starts with a digit reads this. */
  static final char RUN_FROM_DIGIT = '\u0001';

  /** Each character of a hex run that starts with a letter reads this. */
  static final char RUN_FROM_LETTER = '\u0002';

  /** A message with a character below this gets no skeleton: it could be taken for a marker. */
  private static final char FIRST_OWN_CHARACTER = '\u0003';

  private static final int MIN_RUN = 8;
  private static final int MIN_RUN_LETTERS = 2;

  /** What {@link #scan} returns for a message that gets no skeleton: no count is negative. */
  private static final long NONE = -1L;

  /** What each ASCII character reads in a skeleton outside hex runs: a digit reads {@code 0}. */
  private static final char[] READS = new char[128];

  /** -1 for the characters of a hex run (digits and {@code a} to {@code f}), 0 for the others. */
  private static final int[] HEX = new int[128];

  /**
   * The hash is a polynomial in this, {@code h = h * BASE + c} for each character, as {@link
   * String#hashCode} is. A sum of each character times a random weight of its position has no chain
   * of multiplications, but measured slower in this loop: the skeleton of a simulator line took
   * about 170 ns against 140, its extra load and multiplication per character costing more than the
   * chain.
   */
  private static final int BASE = 31;

  /**
   * {@code BASE} to the power of each distance from the end, to correct the hash where a hex run is
   * marked after it was summed.
   */
  private static final int[] POWERS = new int[MAX_LENGTH];

  static {
    for (char c = 0; c < 128; c++) {
      boolean digit = c >= '0' && c <= '9';
      READS[c] = digit ? '0' : c;
      HEX[c] = digit || (c >= 'a' && c <= 'f') ? -1 : 0;
    }
    int power = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = power;
      power *= BASE;
    }
  }

  private char[] chars = new char[256];

  /** Where each stretch of at least {@value #MIN_RUN} hex characters starts. */
  private int[] hexStarts = new int[16];

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
    if (hexStarts.length < n / MIN_RUN + 1) {
      hexStarts = new int[n / MIN_RUN + 1];
    }
    long read = scan(s, n, hexStarts);
    if (read == NONE) {
      return false;
    }
    int h = (int) (read >>> 32);
    int stretches = (int) read;
    for (int k = 0; k < stretches; k++) {
      h += markRun(s, n, hexStarts[k]);
    }
    this.length = n;
    this.hash = h ^ (h >>> 16);
    this.message = message;
    return true;
  }

  /**
   * Reads the characters in place, each digit as {@code 0}, noting in {@code starts} where
   * stretches of hex characters start (at most one per {@value #MIN_RUN} characters); returns the
   * hash so far and the count of stretches, or {@link #NONE}.
   */
  private static long scan(char[] s, int n, int[] starts) {
    int h = n;
    int hexLength = 0;
    int stretches = 0;
    int lowest = Character.MAX_VALUE;
    char previous = 0;
    // one pass without a branch that depends on the kind of character, as most cannot be predicted
    for (int i = 0; i < n; i++) {
      char c = s[i];
      char reads = c;
      if (c < 128) {
        reads = READS[c];
        s[i] = reads;
        hexLength = (hexLength + 1) & HEX[c];
        if ((c | 0x20) == 'x' && previous >= '0' && previous <= '9') {
          // the digit of "0x" is read by its value
          s[i - 1] = previous;
          h += previous - '0'; // the last character summed
        }
        if (hexLength == MIN_RUN) {
          starts[stretches++] = i - MIN_RUN + 1;
        }
      } else {
        hexLength = 0;
      }
      h = h * BASE + reads;
      lowest = Math.min(lowest, c);
      previous = c;
    }
    return lowest < FIRST_OWN_CHARACTER ? NONE : ((long) h << 32) | stretches;
  }

  /**
   * Marks the stretch of hex characters from {@code start} if it is a hex run: a digit, at least
   * {@value #MIN_RUN_LETTERS} letters, apart from other word characters. Returns what that changes
   * in the hash.
   */
  private static int markRun(char[] s, int n, int start) {
    int end = start;
    int digits = 0;
    while (end < n && s[end] < 128 && HEX[s[end]] != 0) {
      digits += (s[end] - 'a') >>> 31; // a digit is below 'a'
      end++;
    }
    if (digits == 0
        || end - start - digits < MIN_RUN_LETTERS
        || (start > 0 && !apart(s[start - 1]))
        || (end < n && !apart(s[end]))) {
      return 0;
    }
    char marker = s[start] < 'a' ? RUN_FROM_DIGIT : RUN_FROM_LETTER;
    int change = 0;
    for (int p = start; p < end; p++) {
      change += (marker - s[p]) * POWERS[n - 1 - p];
      s[p] = marker;
    }
    return change;
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
    return other.length == length && Arrays.equals(chars, 0, length, other, 0, length);
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
    return Arrays.copyOf(chars, length);
  }
}
