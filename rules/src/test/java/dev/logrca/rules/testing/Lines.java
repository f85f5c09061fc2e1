package dev.logrca.rules.testing;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.LogRecordBuilder;
import java.time.Instant;
import java.util.List;

/** Builds log events and anomalies for tests, at times relative to a fixed start. */
public final class Lines {
  /** 2026-11-27T10:00:00Z, the start of every test's story. */
  public static final long T0 = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  private Lines() {}

  /** A line logged {@code seconds} after {@link #T0}; its template is the message itself. */
  public static LogEvent line(String service, double seconds, Level level, String message) {
    return line(service, seconds, level, message, false);
  }

  /** As {@link #line}, saying whether the line gave birth to a new template. */
  public static LogEvent line(
      String service, double seconds, Level level, String message, boolean newTemplate) {
    long time = T0 + Math.round(seconds * 1000);
    // the id depends only on the line, so that two runs of one story give the same ids
    long n = time * 31 + message.hashCode();
    LogRecord record =
        LogRecordBuilder.record()
            .source(service + ".log")
            .line(n)
            .timestamp(time)
            .service(service)
            .host(service + "-0")
            .level(level)
            .message(message)
            .build();
    return new LogEvent(
        record, service + ":" + Math.abs(message.hashCode() % 97), message, List.of(), newTemplate);
  }

  /**
   * A line without a timestamp of its own that follows {@code previous} in the same file (a stack
   * trace line): it takes its predecessor's time, as the decoder does.
   */
  public static LogEvent continuation(LogEvent previous, String message) {
    LogRecord p = previous.record();
    LogRecord record =
        LogRecordBuilder.record()
            .source(p.source())
            .line(p.line() + 1)
            .timestamp(p.timestamp())
            .timestampInferred(true)
            .service(p.service())
            .host(p.host())
            .message(message)
            .build();
    return new LogEvent(
        record, p.service() + ":" + Math.abs(message.hashCode() % 97), message, List.of(), false);
  }

  /** An anomaly of {@code service} whose one-minute window starts {@code seconds} after T0. */
  public static Anomaly anomaly(String service, AnomalyKind kind, double seconds, double score) {
    long start = T0 + Math.round(seconds * 1000);
    return new Anomaly(
        Anomaly.idOf(service, kind, start, null),
        service,
        kind,
        start,
        start + 60_000,
        null,
        null,
        score,
        10,
        1,
        List.of(new Evidence(start + 1000, service, service + ":1", "sample of " + kind, null)));
  }

  /** As {@link #anomaly}, citing {@code cited} as its evidence, as a detector cites its lines. */
  public static Anomaly anomaly(
      String service, AnomalyKind kind, double seconds, double score, LogEvent... cited) {
    Anomaly plain = anomaly(service, kind, seconds, score);
    return new Anomaly(
        plain.id(),
        service,
        kind,
        plain.windowStart(),
        plain.windowEnd(),
        null,
        null,
        score,
        plain.observed(),
        plain.expected(),
        java.util.Arrays.stream(cited).map(LogEvent::toEvidence).toList());
  }

  /** Milliseconds {@code seconds} after T0. */
  public static long at(double seconds) {
    return T0 + Math.round(seconds * 1000);
  }
}
