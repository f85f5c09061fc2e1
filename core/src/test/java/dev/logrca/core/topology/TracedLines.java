package dev.logrca.core.topology;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.LogRecordBuilder;
import java.util.List;

/** Mined lines of one trace for the hop-latency tests: a service's INFO line at a time. */
public final class TracedLines {
  private TracedLines() {}

  /** The line {@code message} of {@code service} at {@code time}, in trace {@code trace}. */
  public static LogEvent line(long time, String service, String trace, String message) {
    LogRecord r =
        LogRecordBuilder.record()
            .source("test")
            .line(time)
            .timestamp(time)
            .service(service)
            .level(Level.INFO)
            .traceId(trace)
            .message(message)
            .build();
    return new LogEvent(r, service + ":1", message, List.of(), false);
  }

  /** A line whose text does not matter. */
  public static LogEvent line(long time, String service, String trace) {
    return line(time, service, trace, "m");
  }
}
