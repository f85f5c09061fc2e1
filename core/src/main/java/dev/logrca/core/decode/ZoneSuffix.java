package dev.logrca.core.decode;

/**
 * Reads the zone that may follow a time: {@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh}
 * (also after a space, as Apache writes {@code +0000}) or a capitalised name such as {@code UTC}.
 * The result packs the offset and the end position into one long so that reading allocates nothing.
 */
final class ZoneSuffix {
  /** No zone follows. */
  static final long NONE = Long.MIN_VALUE;

  private static final int OFFSET_BIAS = 100_000;

  private ZoneSuffix() {}

  /** The zone at {@code pos}, packed, or {@link #NONE}. */
  static long read(String s, int pos) {
    int p = pos;
    char c = TextDigits.charAt(s, p);
    if (c == 'Z' && !TextDigits.isLetter(TextDigits.charAt(s, p + 1))) {
      return pack(0, p + 1);
    }
    boolean spaced = c == ' ';
    if (spaced) {
      c = TextDigits.charAt(s, ++p);
    }
    if (c == '+' || c == '-') {
      return numericOffset(s, p + 1, c == '-' ? -1 : 1, spaced);
    }
    if (spaced && c >= 'A' && c <= 'Z') {
      int end = p;
      while (end < s.length() && end - p < 5 && s.charAt(end) >= 'A' && s.charAt(end) <= 'Z') {
        end++;
      }
      // zone names are capitals, at most four (INFO and ERROR get here too, and are no zone)
      if (end - p <= 4 && !TextDigits.isLetter(TextDigits.charAt(s, end))) {
        Integer offset = LocalTimeZone.abbreviation(s.substring(p, end));
        if (offset != null) {
          return pack(offset, end);
        }
      }
    }
    return NONE;
  }

  static int offsetSeconds(long packed) {
    return (int) (packed >> 32) - OFFSET_BIAS;
  }

  static int end(long packed) {
    return (int) packed;
  }

  private static long numericOffset(String s, int p, int sign, boolean spaced) {
    int run = TextDigits.digitRun(s, p);
    int hours = run >= 2 ? TextDigits.number(s, p, 2) : 99;
    int minutes;
    int end;
    if (run == 4) {
      minutes = TextDigits.number(s, p + 2, 2);
      end = p + 4;
    } else if (run == 2
        && TextDigits.charAt(s, p + 2) == ':'
        && TextDigits.digitRun(s, p + 3) == 2) {
      minutes = TextDigits.number(s, p + 3, 2);
      end = p + 5;
    } else if (run == 2 && !spaced) {
      minutes = 0;
      end = p + 2;
    } else {
      return NONE;
    }
    if (hours > 18 || minutes > 59) {
      return NONE;
    }
    return pack(sign * (hours * 3600 + minutes * 60), end);
  }

  private static long pack(int offsetSeconds, int end) {
    return ((long) (offsetSeconds + OFFSET_BIAS) << 32) | end;
  }
}
