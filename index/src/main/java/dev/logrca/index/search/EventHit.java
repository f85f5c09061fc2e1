package dev.logrca.index.search;

import dev.logrca.core.model.LogEvent;

/**
 * A matching log line as stored: every field of its record, its template id and text. The
 * template's parameters are not stored and come back empty.
 */
public record EventHit(LogEvent event) implements Hit {
  @Override
  public long timestamp() {
    return event.timestamp();
  }
}
