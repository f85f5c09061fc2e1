package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import dev.logrca.rules.fact.Hypothesis;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The sentences that say why each score component of a candidate has its value. */
final class Reasons {
  private static final DateTimeFormatter TIME_OF_DAY =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Reasons() {}

  static String confidence(Candidate c) {
    List<Hypothesis> rules =
        c.hypotheses.stream()
            .sorted(
                Comparator.comparingDouble(Hypothesis::getConfidence)
                    .reversed()
                    .thenComparing(Hypothesis::getRule))
            .toList();
    if (rules.isEmpty()) {
      return "no rule concluded it; only detectors flag " + c.service;
    }
    if (rules.size() == 1) {
      return "rule '" + rules.get(0).getRule() + "'";
    }
    StringBuilder text = new StringBuilder(rules.size() + " rules agree:");
    for (Hypothesis h : rules) {
      text.append(String.format(Locale.ROOT, " '%s' %.2f,", h.getRule(), h.getConfidence()));
    }
    return text.substring(0, text.length() - 1);
  }

  /** When the candidate's first sign came, against the other services' first signs. */
  static String firstToGoWrong(Candidate c, Collection<Candidate> all) {
    String when = "first sign " + TIME_OF_DAY.format(Instant.ofEpochMilli(c.firstSeen()));
    Candidate earliest = null;
    Candidate nextAfter = null;
    for (Candidate other : all) {
      if (other.service.equals(c.service)) {
        continue;
      }
      if (other.firstSeen() < c.firstSeen()
          && (earliest == null || other.firstSeen() < earliest.firstSeen())) {
        earliest = other;
      }
      if (other.firstSeen() >= c.firstSeen()
          && (nextAfter == null || other.firstSeen() < nextAfter.firstSeen())) {
        nextAfter = other;
      }
    }
    if (earliest != null) {
      return when
          + ", "
          + span(c.firstSeen() - earliest.firstSeen())
          + " after "
          + earliest.service;
    }
    if (nextAfter == null) {
      return when + ", the only failing service";
    }
    if (nextAfter.firstSeen() == c.firstSeen()) {
      return when + ", together with " + nextAfter.service;
    }
    return when
        + ", "
        + span(nextAfter.firstSeen() - c.firstSeen())
        + " before "
        + nextAfter.service;
  }

  static String callGraph(Candidate c, Standing standing) {
    if (standing.explained()) {
      return switch (standing.how()) {
        case SHORTAGE ->
            (c.is(Category.NETWORK_LATENCY) ? "slow" : "down")
                + " because of its own "
                + standing.explainer().category;
        case OUTAGE -> "slow as it went down";
        case RELEASE -> "down only to restart into its release";
        case SAME_SERVICE -> "only its callers complain";
        case DEPENDENCY, CUT_OFF, LOCAL_CAUSE ->
            "depends on failing " + standing.explainer().service;
        case LINES_BLAME_ANOTHER -> "its flagged lines blame " + standing.explainer().service;
      };
    }
    if (c.onlyStarved()) {
      return "only its lines fell off: fewer calls reach it";
    }
    if (!standing.callers().isEmpty()) {
      return "called by " + String.join(", ", standing.callers());
    }
    return "no other failing service depends on " + c.service;
  }

  static String explainedBy(Candidate c, Standing standing) {
    Candidate by = standing.explainer();
    return switch (standing.how()) {
      case SHORTAGE ->
          (c.is(Category.NETWORK_LATENCY) ? "its slowness" : "its going down")
              + " follows from what "
              + by.service
              + " says itself ("
              + by.category
              + ")";
      case OUTAGE -> "its slowness came with its going down, which " + by.service + " says itself";
      case RELEASE ->
          "it went down to restart into a release, which " + by.service + " says itself";
      case SAME_SERVICE ->
          "rests on callers' complaints while "
              + by.service
              + " says itself what is wrong ("
              + by.category
              + ")";
      case CUT_OFF ->
          "only "
              + by.service
              + " cannot reach it, while "
              + by.service
              + "'s own callers cannot reach "
              + by.service
              + ": the trouble is "
              + by.service
              + "'s";
      case LOCAL_CAUSE ->
          "only "
              + by.service
              + " complains about it, and "
              + by.service
              + " says itself what keeps it from reaching anything ("
              + by.category
              + ")";
      case LINES_BLAME_ANOTHER ->
          "no rule blames it, and the lines the detectors flag in it are evidence that "
              + by.service
              + " is at fault ("
              + by.category
              + ")";
      case DEPENDENCY ->
          String.format(
              Locale.ROOT,
              "depends on %s (%s, %.2f sure), which went wrong %s",
              by.service,
              by.category,
              by.confidence(),
              by.firstSeen() <= c.firstSeen()
                  ? "no later"
                  : "within " + span(by.firstSeen() - c.firstSeen()) + " of it");
    };
  }

  static String evidence(int lines) {
    return lines + (lines == 1 ? " distinct supporting line" : " distinct supporting lines");
  }

  static String anomaly(String service, double score) {
    return score > 0
        ? String.format(Locale.ROOT, "strongest anomaly of %s scores %.2f", service, score)
        : "no anomaly flagged for " + service;
  }

  /** A span as a person says it: 850 ms, 2 s, 2.5 s, 3 min 5 s. */
  static String span(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return millis % 1000 == 0
          ? millis / 1000 + " s"
          : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
  }
}
