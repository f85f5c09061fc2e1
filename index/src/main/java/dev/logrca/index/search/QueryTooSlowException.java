package dev.logrca.index.search;

import java.time.Duration;

/** A query that did not finish within its time budget; a person should narrow it. */
public final class QueryTooSlowException extends BadQueryException {
  private static final long serialVersionUID = 1L;

  QueryTooSlowException(Duration budget, Throwable cause) {
    super(
        "the query ran longer than its budget of "
            + budget.toMillis()
            + " ms; narrow it with a time range, a field such as service:, or fewer wildcards",
        cause);
  }
}
