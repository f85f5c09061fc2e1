package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.EvidenceLine;
import dev.logrca.rules.fact.Hypothesis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything said about one (service, category) pair in an incident: the rule conclusions that
 * agree on it, or, for a service only detectors flagged, its anomalies as an {@code unknown} cause.
 */
final class Candidate {
  static final String UNKNOWN = "unknown";

  final String service;
  final String category;
  final List<Hypothesis> hypotheses = new ArrayList<>();
  final List<AnomalyFact> anomalies = new ArrayList<>();

  Candidate(String service, String category) {
    this.service = service;
    this.category = category;
  }

  /** Agreeing conclusions combine like independent witnesses: 1 - prod(1 - c). */
  double confidence() {
    double doubt = 1;
    for (Hypothesis h : hypotheses) {
      doubt *= 1 - h.getConfidence();
    }
    return 1 - doubt;
  }

  /** Whether this candidate concludes {@code kind}. */
  boolean is(Category kind) {
    return category.equals(kind.id());
  }

  long firstSeen() {
    long first = Long.MAX_VALUE;
    for (Hypothesis h : hypotheses) {
      first = Math.min(first, h.getFirstSeen());
    }
    for (AnomalyFact a : anomalies) {
      first = Math.min(first, a.getFirstSign());
    }
    return first;
  }

  /** Distinct supporting lines: two rules citing one line count it once. */
  int support() {
    Set<String> ids = new TreeSet<>();
    hypotheses.forEach(h -> ids.addAll(h.supportIds()));
    anomalies.forEach(a -> a.getEvidence().forEach(e -> ids.add(e.identity())));
    return ids.size();
  }

  /**
   * True for a service no rule blames whose only anomaly is that its lines fell off: while its
   * callers fail, fewer calls reach it. Had it broken, they would name it.
   */
  boolean onlyStarved() {
    return hypotheses.isEmpty()
        && !anomalies.isEmpty()
        && anomalies.stream().allMatch(a -> a.getKind().equals("TEMPLATE_DROP"));
  }

  /** True when it rests on rule conclusions whose every line was logged by {@code service}. */
  boolean restsOnlyOnLinesOf(String service) {
    return !hypotheses.isEmpty()
        && hypotheses.stream()
            .flatMap(h -> h.getEvidence().stream())
            .allMatch(line -> line.service().equals(service));
  }

  /**
   * True when {@code service}'s lines are behind this candidate and no other service's are, its own
   * apart: a server that says it keeps losing its clients' connections, and one client that says it
   * cannot reach the server, are both what that one client cut off from the network brings about.
   */
  boolean restsOnLinesOfAndItsOwn(String service) {
    List<EvidenceLine> lines = hypotheses.stream().flatMap(h -> h.getEvidence().stream()).toList();
    return lines.stream().anyMatch(line -> line.service().equals(service))
        && lines.stream()
            .allMatch(
                line -> line.service().equals(service) || line.service().equals(this.service));
  }

  /**
   * True for a service only detectors flagged, some of whose flagged lines {@code other}'s
   * conclusions cite: PostgreSQL's "password authentication failed for user payment" stands out in
   * postgres's log, and says what is wrong with payment.
   */
  boolean flaggedLinesCitedBy(Candidate other) {
    if (!category.equals(UNKNOWN)) {
      return false;
    }
    Set<String> cited = new TreeSet<>();
    other.hypotheses.forEach(h -> cited.addAll(h.supportIds()));
    return anomalies.stream()
        .flatMap(a -> a.getEvidence().stream())
        .anyMatch(line -> cited.contains(line.identity()));
  }

  /** True when the service's own lines back it, not only its callers' complaints. */
  boolean selfReported() {
    return hypotheses.stream().anyMatch(Hypothesis::selfReported);
  }

  /** The most confident conclusion; ties go to the rule name, so every run picks the same. */
  Hypothesis strongest() {
    return hypotheses.stream()
        .max(
            Comparator.comparingDouble(Hypothesis::getConfidence)
                .thenComparing(Hypothesis::getRule, Comparator.reverseOrder()))
        .orElse(null);
  }

  List<EvidenceLine> evidence(int max) {
    TreeSet<EvidenceLine> lines = new TreeSet<>(EvidenceLine.EARLIEST_FIRST);
    hypotheses.forEach(h -> lines.addAll(h.getEvidence()));
    anomalies.forEach(a -> lines.addAll(a.getEvidence()));
    return lines.stream().limit(max).toList();
  }

  String rule() {
    Hypothesis best = strongest();
    if (best != null) {
      return best.getRule();
    }
    return "Detectors flag "
        + String.join(
            ", ", anomalies.stream().map(AnomalyFact::getKind).distinct().sorted().toList());
  }

  String detail() {
    Hypothesis best = strongest();
    return best != null ? best.getDetail() : "behaves abnormally and no rule explains why";
  }
}
