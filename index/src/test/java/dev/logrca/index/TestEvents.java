package dev.logrca.index;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.RootCause;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Events and incidents for index and search tests. */
public final class TestEvents {
  private TestEvents() {}

  /** Epoch millis of an ISO instant. */
  public static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  /** A decoded line {@code line} of {@code <service>.log}. */
  public static LogEvent event(
      String service, long line, String iso, Level level, String message, String traceId) {
    String source = "/var/log/" + service + ".log";
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf(source, line),
            source,
            line,
            at(iso),
            false,
            service,
            service + "-7f9c-1",
            level,
            "com.shop." + service + ".Handler",
            traceId,
            message,
            iso + " " + level + " " + message,
            Map.of("region", "eu-west-1"),
            null);
    return new LogEvent(record, service + ":" + line % 3, message, List.of(), false);
  }

  /** A line whose header was read but whose bytes were not valid UTF-8. */
  public static LogEvent keptWithHeader(
      String service, long line, String iso, String raw, String message) {
    String source = "/var/log/" + service + ".log";
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf(source, line),
            source,
            line,
            at(iso),
            false,
            service,
            null,
            Level.WARN,
            null,
            null,
            message,
            raw,
            Map.of("invalidUtf8", "true"),
            "invalid UTF-8");
    return new LogEvent(record, service + ":7", message, List.of(), false);
  }

  /** A line that could not be decoded and was kept as raw text. */
  public static LogEvent undecoded(String service, long line, String iso, String raw) {
    String source = "/var/log/" + service + ".log";
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf(source, line),
            source,
            line,
            at(iso),
            true,
            service,
            null,
            Level.UNKNOWN,
            null,
            null,
            raw,
            raw,
            Map.of(),
            "unbalanced JSON object");
    return new LogEvent(record, null, null, List.of(), false);
  }

  /** An incident with root cause {@code rootService}/{@code category} and a weaker second cause. */
  public static Incident incident(
      String id, String startIso, String endIso, String rootService, String category) {
    long start = at(startIso);
    Evidence refused =
        new Evidence(
            start, rootService, rootService + ":4", "connection refused on port 5432", "e1");
    Evidence timeout =
        new Evidence(start + 2_000, "checkout", "checkout:9", "upstream request timeout", "e2");
    return new Incident(
        id,
        start,
        at(endIso),
        List.of("checkout", rootService),
        List.of(
            new RootCause(
                rootService,
                category,
                0.9123,
                "Datastore refuses connections",
                rootService + " stopped accepting connections",
                List.of(refused)),
            new RootCause(
                "checkout",
                "network.latency",
                0.31,
                "Calls time out",
                "checkout calls time out",
                List.of(timeout))));
  }
}
