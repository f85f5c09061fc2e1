package dev.logrca.index.search;

/**
 * One search: which index, a query in Lucene classic syntax ({@code *} or blank for everything), an
 * optional time window and how many hits to return.
 *
 * @param target the index to search
 * @param query the query; null means everything
 * @param since epoch millis, inclusive, or null: events at or after it, incidents still open then
 * @param until epoch millis, inclusive, or null: events at or before it, incidents begun by then
 * @param limit how many hits to return, 1..{@value #MAX_LIMIT}
 */
public record SearchRequest(SearchTarget target, String query, Long since, Long until, int limit) {
  /** The most hits one search returns. */
  public static final int MAX_LIMIT = 10_000;

  /** Hits returned when the caller does not say. */
  public static final int DEFAULT_LIMIT = 20;

  public SearchRequest {
    if (target == null) {
      throw new BadQueryException("say which index to search: events or incidents");
    }
    query = query == null ? "*" : query;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadQueryException(
          "the limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    if (since != null && until != null && since > until) {
      throw new BadQueryException("the time window ends before it starts (since is after until)");
    }
  }

  /** Everything in {@code target} matching {@code query}, newest {@value #DEFAULT_LIMIT} first. */
  public static SearchRequest of(SearchTarget target, String query) {
    return new SearchRequest(target, query, null, null, DEFAULT_LIMIT);
  }
}
