package dev.logrca.rules.signature;

import java.util.regex.Pattern;

/**
 * What the durations of a timed template measure. A datastore that logs how long its own statements
 * took (PostgreSQL's {@code log_min_duration_statement}, MySQL's slow query log, MongoDB's "Slow
 * query", Elasticsearch's slow logs) times work it does itself: when those grow, it is slow. A
 * service's request times include the calls it waits on, so when those grow the slowness may be
 * anywhere below it.
 */
public final class Timings {
  /** The template times a datastore's own statements or queries. */
  public static final String STATEMENT = "statement";

  /** The template times anything else: requests, calls, jobs. */
  public static final String REQUEST = "request";

  private static final Pattern STATEMENTS =
      Pattern.compile(
          // PostgreSQL "duration: 12.345 ms  execute <unnamed>: SELECT ..." (and statement,
          // parse, bind; the template may already have the number as <*>)
          "duration: \\S+ ms\\s+(?:statement|execute|parse|bind)\\b"
              // MySQL's slow query log "# Query_time: 2.000123  Lock_time: 0.000051"
              + "|Query_time: "
              // MongoDB 4.4+ {"msg":"Slow query"}, Elasticsearch "[index.search.slowlog.query]"
              + "|^Slow query\\b|\\bslowlog\\b");

  private Timings() {}

  /** {@link #STATEMENT} or {@link #REQUEST} for a timed template's text, null without text. */
  public static String of(String template) {
    if (template == null) {
      return null;
    }
    return STATEMENTS.matcher(template).find() ? STATEMENT : REQUEST;
  }
}
