package dev.logrca.flink;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.List;
import java.util.Map;

/** Builds records and events for operator tests. */
public final class TestRecords {
  private TestRecords() {}

  public static LogRecord record(
      String service, long line, long timestamp, Level level, String msg) {
    return new LogRecord(
        LogRecord.eventIdOf(service + ".log", line),
        service + ".log",
        line,
        timestamp,
        false,
        service,
        null,
        level,
        null,
        null,
        msg,
        msg,
        Map.of(),
        null);
  }

  public static LogEvent event(String service, long line, long timestamp, Level level, String msg) {
    return new LogEvent(
        record(service, line, timestamp, level, msg), service + ":1", msg, List.of(), false);
  }
}
