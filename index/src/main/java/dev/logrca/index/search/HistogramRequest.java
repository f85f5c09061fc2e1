package dev.logrca.index.search;

/**
 * Counts over time of the events a query matches.
 *
 * @param query Lucene classic syntax; null or blank for every event
 * @param since epoch millis, inclusive, or null for the first event's time
 * @param until epoch millis, inclusive, or null for the last event's time
 * @param interval bucket width in millis, or null to pick one giving at most {@value
 *     #TARGET_BUCKETS} buckets
 * @param by the field to split the counts by, or {@link By#NONE}
 */
public record HistogramRequest(String query, Long since, Long until, Long interval, By by) {
  /** The most buckets one histogram may have. */
  public static final int MAX_BUCKETS = 2_000;

  /** How many buckets a histogram aims at when the interval is not given. */
  public static final int TARGET_BUCKETS = 120;

  /** The most series kept; the others are summed into one called {@value #OTHERS}. */
  public static final int MAX_SERIES = 10;

  /** The name of the series that sums the smaller ones. */
  public static final String OTHERS = "(others)";

  public HistogramRequest {
    by = by == null ? By.NONE : by;
    if (interval != null && interval < 1) {
      throw new BadQueryException("the interval must be at least 1 ms");
    }
    if (since != null && until != null && since > until) {
      throw new BadQueryException("the time window ends before it starts (since is after until)");
    }
  }

  /** The field a histogram's counts are split by. */
  public enum By {
    NONE(null),
    SERVICE(dev.logrca.index.IndexFields.SERVICE),
    LEVEL(dev.logrca.index.IndexFields.LEVEL),
    TEMPLATE(dev.logrca.index.IndexFields.TEMPLATE_ID);

    private final String field;

    By(String field) {
      this.field = field;
    }

    /** The indexed field, or null for no split. */
    public String field() {
      return field;
    }
  }
}
