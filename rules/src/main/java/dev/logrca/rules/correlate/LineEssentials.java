package dev.logrca.rules.correlate;

import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.HashMap;
import java.util.Map;

/** What of a log line the correlation engine reads, so that a job ships and buffers no more. */
public final class LineEssentials {
  private LineEssentials() {}

  /**
   * The part of {@code event} the engine reads: the line without its raw text, its template's
   * parameters and the attributes other than error fields. Conclusions drawn from it are those
   * drawn from the whole event; a job that hands every line to one engine ships and buffers this.
   */
  public static LogEvent of(LogEvent event) {
    LogRecord r = event.record();
    Map<String, String> errorFields = new HashMap<>();
    r.attributes()
        .forEach(
            (key, value) -> {
              if (StackTraceFolder.isErrorField(key)) {
                errorFields.put(key, value);
              }
            });
    LogRecord kept = r.withRawAndAttributes(null, errorFields);
    return new LogEvent(kept, event.templateId(), event.template(), null, event.newTemplate());
  }
}
