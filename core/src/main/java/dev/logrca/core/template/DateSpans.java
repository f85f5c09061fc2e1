package dev.logrca.core.template;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds dates written over several words ({@code Sat May 8 09:04:50 EDT 2004}, {@code 2024-05-01
 * 10:00:00,123}) so the tokeniser can keep them as one value.
 */
final class DateSpans {
  private static final Set<String> DAYS = Set.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
  private static final Set<String> MONTHS =
      Set.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
  private static final Pattern DAY_OF_MONTH = Pattern.compile("\\d{1,2},?");
  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?([.,]\\d+)?,?");
  private static final Pattern ZONE = Pattern.compile("[A-Z]{2,5}|[+-]\\d{4}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private DateSpans() {}

  /** The number of words from {@code i} that form one date, or 1 when none starts there. */
  static int length(List<String> words, int i) {
    String first = words.get(i);
    if (isIsoDate(first)) {
      return i + 1 < words.size() && TIME.matcher(words.get(i + 1)).matches() ? 2 : 1;
    }
    int j = i;
    if (mayBeName(first) && DAYS.contains(strip(first))) {
      j++;
    }
    if (j >= words.size() || !mayBeName(words.get(j)) || !MONTHS.contains(words.get(j))) {
      return 1;
    }
    j++;
    if (j >= words.size() || !DAY_OF_MONTH.matcher(words.get(j)).matches()) {
      return 1;
    }
    j++;
    if (j < words.size() && YEAR.matcher(words.get(j)).matches()) {
      j++;
    }
    if (j >= words.size() || !TIME.matcher(words.get(j)).matches()) {
      return 1;
    }
    j++;
    if (j < words.size() && ZONE.matcher(words.get(j)).matches()) {
      j++;
    }
    if (j < words.size() && YEAR.matcher(words.get(j)).matches()) {
      j++;
    }
    return j - i;
  }

  /** {@code \\d{4}-\\d{2}-\\d{2}}. */
  private static boolean isIsoDate(String word) {
    if (word.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = word.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A day or month name, perhaps with a comma, is three or four characters, capitalised. */
  private static boolean mayBeName(String word) {
    int length = word.length();
    return (length == 3 || length == 4) && word.charAt(0) >= 'A' && word.charAt(0) <= 'Z';
  }

  private static String strip(String word) {
    return word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
  }
}
