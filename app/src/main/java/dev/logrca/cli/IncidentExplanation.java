package dev.logrca.cli;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.model.ScoreBreakdown;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one incident for {@code logrca explain}: its header, then every candidate root cause with
 * one line per score term ({@code value x weight = contribution (why)}) and its evidence lines.
 */
final class IncidentExplanation {
  /** How a person calls each score term; an unknown term shows its own name. */
  private static final Map<String, String> LABELS =
      Map.of(
          "confidence", "confidence",
          "firstToGoWrong", "first to go wrong",
          "callGraph", "call graph",
          "evidence", "evidence",
          "anomaly", "anomaly");

  private static final int MESSAGE_WIDTH = 160;

  private final PrintWriter out;

  IncidentExplanation(PrintWriter out) {
    this.out = out;
  }

  void print(Incident incident) {
    out.printf("Incident %s  %s%n", incident.id(), incident.status().id());
    out.printf(
        "  %s .. %s (%s)%s%n",
        Instant.ofEpochMilli(incident.start()),
        Instant.ofEpochMilli(incident.end()),
        span(incident.end() - incident.start()),
        incident.resolvedAt() == null
            ? ""
            : ", resolved at " + Instant.ofEpochMilli(incident.resolvedAt()));
    out.printf("  services: %s%n", String.join(", ", incident.services()));
    List<RootCause> causes = incident.rootCauses();
    if (causes.isEmpty()) {
      out.println("  no candidate root cause");
    }
    for (int i = 0; i < causes.size(); i++) {
      out.println();
      print(i + 1, causes.get(i));
    }
  }

  private void print(int rank, RootCause cause) {
    out.printf(
        Locale.ROOT,
        "%d. %s  %s  score %.3f%n",
        rank,
        cause.service(),
        cause.category(),
        cause.score());
    if (cause.rule() != null) {
      out.printf("   rule: %s%n", cause.rule());
    }
    if (cause.summary() != null && !cause.summary().isBlank()) {
      out.printf("   %s%n", cause.summary());
    }
    ScoreBreakdown breakdown = cause.breakdown();
    if (breakdown == null) {
      out.println("   (no score breakdown stored for this incident; analyze the logs again)");
    } else {
      printBreakdown(breakdown);
    }
    if (!cause.evidence().isEmpty()) {
      out.println("   evidence:");
      cause.evidence().forEach(this::printEvidence);
    }
  }

  private void printBreakdown(ScoreBreakdown breakdown) {
    int width = 0;
    for (ScoreBreakdown.Component c : breakdown.components()) {
      width = Math.max(width, label(c).length());
    }
    for (ScoreBreakdown.Component c : breakdown.components()) {
      out.printf(
          Locale.ROOT,
          "   %-" + width + "s  %.2f x %.2f = %.3f  (%s)%n",
          label(c),
          c.value(),
          c.weight(),
          c.contribution(),
          c.reason());
    }
    ScoreBreakdown.ExplainedBy by = breakdown.explainedBy();
    if (by != null) {
      out.printf(
          Locale.ROOT,
          "   explained by %s (%s): %s (%s)%n",
          by.service(),
          by.category(),
          by.factor() == 0.5
              ? "score halved"
              : String.format(Locale.ROOT, "score x %.2f", by.factor()),
          by.reason());
    }
  }

  private void printEvidence(Evidence e) {
    String message = e.message() == null ? "" : e.message().strip().split("\\R", 2)[0];
    if (message.length() > MESSAGE_WIDTH) {
      message = message.substring(0, MESSAGE_WIDTH - 3) + "...";
    }
    out.printf("     %s %s  %s%n", Instant.ofEpochMilli(e.timestamp()), e.service(), message);
  }

  private static String label(ScoreBreakdown.Component c) {
    return LABELS.getOrDefault(c.name(), c.name());
  }

  private static String span(long millis) {
    long s = Duration.ofMillis(millis).toSeconds();
    return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
  }
}
