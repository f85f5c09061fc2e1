package dev.logrca.core.template;

/**
 * The units of measure that join the number before them into one token ({@code 1190 bytes}, {@code
 * 12 ms}), read in place in a message's words.
 */
final class Units {
  private static final String[] SIZE_UNITS = {
    "B", "bytes", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB", "kB"
  };
  private static final String[] TIME_UNITS = {
    "ns", "us", "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minutes", "h",
    "hours"
  };

  /** The longest unit of {@link #SIZE_UNITS} and {@link #TIME_UNITS}. */
  private static final int MAX_UNIT_LENGTH = 7;

  /** The first letters of the units, as a lookup table. */
  private static final boolean[] UNIT_STARTS = unitStarts();

  private static boolean[] unitStarts() {
    StringBuilder starts = new StringBuilder();
    for (String unit : SIZE_UNITS) {
      starts.append(unit.charAt(0));
    }
    for (String unit : TIME_UNITS) {
      starts.append(unit.charAt(0));
    }
    return ValueShapes.asciiSet(starts.toString());
  }

  private static boolean isUnitStart(char c) {
    return c < 128 && UNIT_STARTS[c];
  }

  private Units() {}

  /** Whether the word, less trailing {@code , ; : )}, is a unit of size. */
  static boolean isSize(Words words, int w) {
    return isUnit(words, w, SIZE_UNITS);
  }

  /** Whether the word, less trailing {@code , ; : )}, is a unit of time. */
  static boolean isTime(Words words, int w) {
    return isUnit(words, w, TIME_UNITS);
  }

  /** Whether the word, less trailing {@code , ; : )}, is one of {@code units}. */
  private static boolean isUnit(Words words, int w, String[] units) {
    String text = words.message();
    int from = words.start(w);
    int end = words.end(w);
    while (end > from && ",;:)".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    // most words after a number are no unit: their length or first letter says so at once
    if (end - from > MAX_UNIT_LENGTH || end == from || !isUnitStart(text.charAt(from))) {
      return false;
    }
    for (String unit : units) {
      if (end - from == unit.length() && text.regionMatches(from, unit, 0, unit.length())) {
        return true;
      }
    }
    return false;
  }
}
