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
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ZONE = Pattern.compile("[A-Z]{2,5}|[+-]\\d{4}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private DateSpans() {}

  /** The number of words from {@code i} that form one date, or 1 when none starts there. */
  static int length(List<String> words, int i) {
    String first = words.get(i);
    if (first.length() == 10 && ISO_DATE.matcher(first).matches()) {
      return i + 1 < words.size() && TIME.matcher(words.get(i + 1)).matches() ? 2 : 1;
    }
    int j = i;
    if (DAYS.contains(strip(first))) {
      j++;
    }
    if (j >= words.size() || !MONTHS.contains(words.get(j))) {
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

  private static String strip(String word) {
    return word.endsWith(",") ? word.substring(0, word.length() - 1) : word;
  }
}
