package dev.logrca.index.search;

import java.util.List;

/**
 * The hits of one search, newest first.
 *
 * @param totalHits how many documents matched in all
 * @param hits the first of them, at most the request's limit
 */
public record SearchResult(long totalHits, List<Hit> hits) {
  public SearchResult {
    hits = List.copyOf(hits);
  }
}
