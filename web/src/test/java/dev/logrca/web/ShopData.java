package dev.logrca.web;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.model.ScoreBreakdown;
import dev.logrca.index.EventIndex;
import dev.logrca.index.IncidentIndex;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small shop's data folder, written through the index writers as the job would: three services
 * calling each other under shared traces for ten minutes, postgres refusing connections from 10:05,
 * and the incident the engine reports for it (open) plus an older resolved one.
 */
final class ShopData {
  static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
  static final Instant FAULT = Instant.parse("2026-11-27T10:05:00Z");
  static final String INCIDENT_ID = "3f9c2a7d1e0b4c55";
  static final String OLD_INCIDENT_ID = "0a1b2c3d4e5f6071";
  static final String REFUSED = "FATAL: the database system is shutting down";

  private ShopData() {}

  /** Writes the events, templates and incidents under {@code data}; returns the event count. */
  static int write(Path data) throws IOException {
    List<LogEvent> events = events();
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      for (LogEvent e : events) {
        index.add(e);
      }
      index.update(new TemplateEntry("checkout", "checkout:1", "order <*> placed", List.of(), 0));
      index.update(
          new TemplateEntry("postgres", "postgres:2", REFUSED, List.of(), FAULT.toEpochMilli()));
    }
    try (IncidentIndex index = IncidentIndex.open(IncidentIndex.folderIn(data))) {
      index.upsert(incident(events));
      index.upsert(
          new Incident(
              OLD_INCIDENT_ID,
              START.minusSeconds(7200).toEpochMilli(),
              START.minusSeconds(7000).toEpochMilli(),
              List.of("cart"),
              List.of(
                  new RootCause(
                      "cart",
                      "resource.disk_full",
                      0.7,
                      "Disk is full",
                      "cart ran out of disk",
                      List.of())),
              IncidentStatus.RESOLVED,
              START.minusSeconds(6400).toEpochMilli()));
    }
    return events.size();
  }

  /** One request a second: checkout calls payment, payment calls postgres, same trace id. */
  static List<LogEvent> events() {
    List<LogEvent> events = new ArrayList<>();
    for (int s = 0; s < 600; s++) {
      long t = START.plusSeconds(s).toEpochMilli();
      boolean down = t >= FAULT.toEpochMilli();
      String trace = "trace-" + s;
      events.add(
          event("checkout", s, t, Level.INFO, "order " + s + " placed", "checkout:1", trace));
      events.add(
          down
              ? event(
                  "payment",
                  s,
                  t + 1,
                  Level.ERROR,
                  "charge failed: connection to postgres refused",
                  "payment:2",
                  trace)
              : event(
                  "payment",
                  s,
                  t + 1,
                  Level.INFO,
                  "charge " + s + " accepted",
                  "payment:1",
                  trace));
      events.add(
          down
              ? event("postgres", s, t + 2, Level.FATAL, REFUSED, "postgres:2", trace)
              : event(
                  "postgres", s, t + 2, Level.INFO, "statement took 3 ms", "postgres:1", trace));
    }
    return events;
  }

  static LogEvent event(
      String service,
      long line,
      long t,
      Level level,
      String message,
      String templateId,
      String trace) {
    String source = "/var/log/" + service + ".log";
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf(source, line),
            source,
            line,
            t,
            false,
            service,
            service + "-0",
            level,
            null,
            trace,
            message,
            message,
            Map.of(),
            null);
    return new LogEvent(record, templateId, message, List.of(), false);
  }

  private static Incident incident(List<LogEvent> events) {
    LogEvent first =
        events.stream()
            .filter(e -> e.service().equals("postgres") && e.record().level() == Level.FATAL)
            .findFirst()
            .orElseThrow();
    Evidence proof =
        new Evidence(first.timestamp(), "postgres", "postgres:2", REFUSED, first.eventId());
    ScoreBreakdown breakdown =
        new ScoreBreakdown(
            List.of(
                new ScoreBreakdown.Component("confidence", 0.9, 0.4, "rule: Datastore refuses"),
                new ScoreBreakdown.Component("firstToGoWrong", 1.0, 0.3, "first to go wrong"),
                new ScoreBreakdown.Component("callGraph", 1.0, 0.2, "called by payment")),
            List.of(new ScoreBreakdown.RuleConfidence("Datastore refuses connections", 0.9)),
            null);
    RootCause root =
        new RootCause(
            "postgres",
            "dependency.down",
            0.86,
            "Datastore refuses connections",
            "postgres is shutting down and refuses connections",
            List.of(proof),
            breakdown);
    RootCause second =
        new RootCause(
            "payment",
            "app.exception",
            0.31,
            "Error surge",
            "payment errors surge",
            List.of(),
            null);
    return new Incident(
        INCIDENT_ID,
        FAULT.toEpochMilli(),
        START.plusSeconds(599).toEpochMilli(),
        List.of("checkout", "payment", "postgres"),
        List.of(root, second));
  }
}
