package dev.logrca.core.template;

import java.util.regex.Pattern;

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
  private static final Pattern DAY_OF_MONTH = Pattern.compile("\\d{1,2},?");
  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?([.,]\\d+)?,?");
  private static final Pattern ZONE = Pattern.compile("[A-Z]{2,5}|[+-]\\d{4}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private DateSpans() {}

  /** The number of words from {@code i} that form one date, or 1 when none starts there. */
  static int length(Words words, int i) {
    int count = words.count();
    if (isIsoDate(words, i)) {
      return i + 1 < count && TIME.matcher(words.text(i + 1)).matches() ? 2 : 1;
    }
    int j = i;
    if (mayBeName(words, i) && isName(words, i, DAYS, true)) {
      j++;
    }
    if (j >= count || !mayBeName(words, j) || !isName(words, j, MONTHS, false)) {
      return 1;
    }
    j++;
    if (j >= count || !DAY_OF_MONTH.matcher(words.text(j)).matches()) {
      return 1;
    }
    j++;
    if (j < count && YEAR.matcher(words.text(j)).matches()) {
      j++;
    }
    if (j >= count || !TIME.matcher(words.text(j)).matches()) {
      return 1;
    }
    j++;
    if (j < count && ZONE.matcher(words.text(j)).matches()) {
      j++;
    }
    if (j < count && YEAR.matcher(words.text(j)).matches()) {
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
}
