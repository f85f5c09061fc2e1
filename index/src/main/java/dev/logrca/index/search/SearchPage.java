package dev.logrca.index.search;

import java.util.List;

/**
 * One page of hits, newest first.
 *
 * @param totalHits how many documents matched in all
 * @param hits this page's hits
 * @param next where the next page starts, or null when this page was not full
 */
public record SearchPage(long totalHits, List<Hit> hits, SearchAfter next) {
  public SearchPage {
    hits = List.copyOf(hits);
  }
}
