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
   * Matches counted at most by a page (Elastic's track_total_hits): an exact count of millions
   * costs more than the page itself, and a person reads "1,000 or more" as well. In an index sorted
   * newest first, counting stops each segment after this many, so a page reads about this many
   * matches whatever the index's size.
   */
  public static final int COUNT_LIMIT = 1_000;

  public SearchPage {
    hits = List.copyOf(hits);
  }
}
