package dev.logrca.index.search;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Hits as a person reads them at a glance in a terminal: one line per event, a short block per
 * incident with its best root cause first.
 */
public final class HitText {
  /** Always with milliseconds, so that lines of a listing align. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private HitText() {}

  /** One hit: an event line or an incident block. */
  public static String of(Hit hit) {
    if (hit instanceof EventHit event) {
      return event(event.event());
    }
    return incident(((IncidentHit) hit).incident());
  }

  /** {@code 2026-11-27T10:06:12.345Z ERROR payment [payment:12] message}. */
  public static String event(LogEvent e) {
    StringBuilder line = new StringBuilder();
    line.append(TIME.format(Instant.ofEpochMilli(e.timestamp())))
        .append(' ')
        .append(String.format(Locale.ROOT, "%-5s", e.level().name()))
        .append(' ')
        .append(e.service() == null ? "-" : e.service())
        .append(" [")
        .append(e.templateId() == null ? "-" : e.templateId())
        .append("] ")
        .append(firstLine(e.message() == null ? e.record().raw() : e.message()));
    if (e.record().traceId() != null) {
      line.append("  trace=").append(e.record().traceId());
    }
    if (e.record().decodeError() != null) {
      line.append("  (kept as raw: ").append(e.record().decodeError()).append(')');
    }
    return line.toString();
  }

  /** The incident's id, span and services, its best cause with summary, then the other causes. */
  public static String incident(Incident incident) {
    StringBuilder text = new StringBuilder();
    Instant start = Instant.ofEpochMilli(incident.start());
    Instant end = Instant.ofEpochMilli(incident.end());
    text.append("incident ")
        .append(incident.id())
        .append("  ")
        .append(start)
        .append(" .. ")
        .append(end)
        .append(" (")
        .append(span(Duration.between(start, end)))
        .append(")  ")
        .append(incident.status().id())
        .append("  services: ")
        .append(String.join(", ", incident.services()));
    if (incident.rootCauses().isEmpty()) {
      return text.append("\n  no root cause found").toString();
    }
    RootCause top = incident.rootCauses().get(0);
    text.append("\n  root cause: ").append(cause(top));
    if (top.summary() != null && !top.summary().isBlank()) {
      text.append("\n    ").append(firstLine(top.summary()));
    }
    for (RootCause other : incident.rootCauses().subList(1, incident.rootCauses().size())) {
      text.append("\n  also:       ").append(cause(other));
    }
    return text.toString();
  }

  /** {@code N of M hits}. */
  public static String footer(SearchResult result) {
    return result.hits().size() + " of " + result.totalHits() + " hits";
  }

  private static String cause(RootCause c) {
    return String.format(Locale.ROOT, "%s %s %.2f", c.service(), c.category(), c.score())
        + (c.rule() == null ? "" : "  rule: " + c.rule());
  }

  /** A multi-line message (a stack trace) shows its first line and how many follow. */
  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String[] lines = text.strip().split("\\R", -1);
    return lines.length == 1
        ? lines[0]
        : lines[0] + " (+" + (lines.length - 1) + (lines.length == 2 ? " line)" : " lines)");
  }

  private static String span(Duration d) {
    long s = d.getSeconds();
    if (s < 1) {
      return d.toMillis() + "ms";
    }
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
