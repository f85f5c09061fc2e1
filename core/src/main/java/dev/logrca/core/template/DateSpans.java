package dev.logrca.core.template;

/**
 * Finds dates written over several words ({@code Sat May 8 09:04:50 EDT 2004}, {@code 2024-05-01
 * 10:00:00,123}) so the tokeniser can keep them as one value. The names are compared in place: most
 * capitalised short words are not dates, and should cost no string.
 */
final class DateSpans {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private DateSpans() {}

  /** The number of words from {@code i} that form one date, or 1 when none starts there. */
  static int length(Words words, int i) {
    int count = words.count();
    if (isIsoDate(words, i)) {
      return i + 1 < count && is(words, i + 1, TimeShapes::isTime) ? 2 : 1;
    }
    int j = i;
    if (mayBeName(words, i) && isName(words, i, DAYS, true)) {
      j++;
    }
    if (j >= count || !mayBeName(words, j) || !isName(words, j, MONTHS, false)) {
      return 1;
    }
    j++;
    if (j >= count || !is(words, j, TimeShapes::isDayOfMonth)) {
      return 1;
    }
    j++;
    if (j < count && is(words, j, TimeShapes::isYear)) {
      j++;
    }
    if (j >= count || !is(words, j, TimeShapes::isTime)) {
      return 1;
    }
    j++;
    if (j < count && is(words, j, TimeShapes::isZone)) {
      j++;
    }
    if (j < count && is(words, j, TimeShapes::isYear)) {
      j++;
    }
    return j - i;
  }

  /** {@code \\d{4}-\\d{2}-\\d{2}}. */
  private static boolean isIsoDate(Words words, int w) {
    if (words.length(w) != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = words.charAt(w, i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A day or month name, perhaps with a comma, is three or four characters, capitalised. */
  private static boolean mayBeName(Words words, int w) {
    int length = words.length(w);
    return (length == 3 || length == 4) && words.charAt(w, 0) >= 'A' && words.charAt(w, 0) <= 'Z';
  }

  /** Whether the word is one of {@code names}, less a final comma if {@code comma} allows one. */
  private static boolean isName(Words words, int w, String[] names, boolean comma) {
    int length = words.length(w);
    if (comma && words.charAt(w, length - 1) == ',') {
      length--;
    }
    if (length != 3) {
      return false;
    }
    for (String name : names) {
      if (words.message().regionMatches(words.start(w), name, 0, 3)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word is of the shape {@code test} accepts, read in place. */
  private static boolean is(Words words, int w, Shape test) {
    return test.accepts(words.message(), words.start(w), words.end(w));
  }

  /** A shape of word, read in place: one of {@link TimeShapes}' range matchers. */
  private interface Shape {
    boolean accepts(String text, int from, int to);
  }
}
