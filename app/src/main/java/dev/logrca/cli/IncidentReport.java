package dev.logrca.cli;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Prints incidents for a person: the likeliest cause first, with the lines that prove it. */
public final class IncidentReport {
  private static final int CAUSES_SHOWN = 3;
  private static final int EVIDENCE_SHOWN = 4;
  private static final int MESSAGE_WIDTH = 140;

  private final PrintWriter out;

  public IncidentReport(PrintWriter out) {
    this.out = out;
  }

  /** Prints every incident, earliest first, or says there were none. */
  public void print(List<Incident> incidents) {
    if (incidents.isEmpty()) {
      out.println("No incidents: nothing abnormal that a rule or detector could explain.");
      return;
    }
    incidents.stream().sorted(Comparator.comparingLong(Incident::start)).forEach(this::print);
  }

  private void print(Incident incident) {
    Duration span = Duration.ofMillis(incident.end() - incident.start());
    out.printf(
        "Incident %s  %s .. %s (%s)  %s%n",
        incident.id(),
        Instant.ofEpochMilli(incident.start()),
        Instant.ofEpochMilli(incident.end()),
        human(span),
        incident.resolvedAt() == null
            ? incident.status().id()
            : "resolved at " + Instant.ofEpochMilli(incident.resolvedAt()));
    out.printf("  services: %s%n", String.join(", ", incident.services()));
    List<RootCause> causes = incident.rootCauses();
    for (int i = 0; i < Math.min(CAUSES_SHOWN, causes.size()); i++) {
      RootCause cause = causes.get(i);
      out.printf(
          "  %d. %-14s %-24s score %.2f  [%s]%n",
          i + 1, cause.service(), cause.category(), cause.score(), cause.rule());
      if (cause.summary() != null && !cause.summary().isBlank()) {
        out.printf("     %s%n", cause.summary());
      }
      cause.evidence().stream().limit(EVIDENCE_SHOWN).forEach(this::printEvidence);
    }
    if (causes.size() > CAUSES_SHOWN) {
      out.printf("  (%d more candidates)%n", causes.size() - CAUSES_SHOWN);
    }
    out.println();
  }

  /**
   * One line for an incident that was just reported ({@code first}) or whose likeliest cause just
   * changed: when the job knew, the incident, its top cause and the services it touches.
   */
  public void printUpdate(Incident incident, boolean first) {
    List<RootCause> causes = incident.rootCauses();
    String top =
        causes.isEmpty()
            ? "no cause named yet"
            : String.format(
                "%s %s (score %.2f, %s)",
                causes.get(0).service(),
                causes.get(0).category(),
                causes.get(0).score(),
                causes.get(0).rule());
    out.printf(
        "%s  %s %s  since %s  top cause: %s  services: %s%n",
        Instant.ofEpochMilli(incident.end()),
        first ? "new incident" : "incident",
        incident.id(),
        Instant.ofEpochMilli(incident.start()),
        top,
        String.join(", ", incident.services()));
    out.flush();
  }

  private void printEvidence(Evidence e) {
    String message = e.message() == null ? "" : e.message().replaceAll("\\s+", " ").strip();
    if (message.length() > MESSAGE_WIDTH) {
      message = message.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
    out.printf("       %s %-12s %s%n", Instant.ofEpochMilli(e.timestamp()), e.service(), message);
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }
}
