package dev.logrca.index.search;

import java.util.List;

/**
 * One page of hits, newest first.
 *
 * @param totalHits how many documents matched in all, or {@link #COUNT_LIMIT} when more did
 * @param totalExact false when more than {@link #COUNT_LIMIT} matched and counting stopped there
 * @param hits this page's hits
 * @param next where the next page starts, or null when this page was not full
 */
public record SearchPage(long totalHits, boolean totalExact, List<Hit> hits, SearchAfter next) {
  /**
   * Matches counted at most by a page: an exact count of millions costs more than the page itself,
   * and a person reads "10,000 or more" as well.
   */
  public static final int COUNT_LIMIT = 10_000;

  public SearchPage {
    hits = List.copyOf(hits);
  }
}
