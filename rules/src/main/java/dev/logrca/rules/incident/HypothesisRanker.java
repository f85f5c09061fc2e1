package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.model.ScoreBreakdown;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.EvidenceLine;
import dev.logrca.rules.fact.Hypothesis;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Ranks the candidate root causes of one incident. A candidate's score in [0, 1] weighs how sure
 * its rules are, how much evidence there is, whether its service went wrong first, whether it sits
 * below the other failing services in the call graph, and how strong its anomalies are; a candidate
 * whose failing dependency explains it is halved. Each root cause carries its {@link
 * ScoreBreakdown}. See rules/README.md for the formula.
 */
public final class HypothesisRanker {
  static final double W_CONFIDENCE = 0.45;
  static final double W_SUPPORT = 0.15;
  static final double W_EARLINESS = 0.15;
  static final double W_POSITION = 0.15;
  static final double W_ANOMALY = 0.10;

  /** Earliness falls by a factor e for every minute a candidate started after the first sign. */
  static final double EARLINESS_MILLIS = 60_000;

  /** A candidate explained by a failing dependency keeps this share of its score. */
  static final double EXPLAINED_FACTOR = 0.5;

  /** A dependency must be at least this sure to explain its callers' troubles. */
  static final double EXPLAINS_MIN_CONFIDENCE = 0.5;

  static final int MAX_EVIDENCE = 10;

  /** The names of the score components in a {@link ScoreBreakdown}, in the formula's order. */
  public static final String CONFIDENCE = "confidence";

  public static final String FIRST_TO_GO_WRONG = "firstToGoWrong";
  public static final String CALL_GRAPH = "callGraph";
  public static final String EVIDENCE = "evidence";
  public static final String ANOMALY = "anomaly";

  /** The ranked root causes, best first, for these conclusions and anomalies. */
  public List<RootCause> rank(
      Collection<Hypothesis> hypotheses, Collection<AnomalyFact> anomalies, Topology topology) {
    Map<String, Candidate> byCause = candidates(hypotheses, anomalies);
    Map<String, Double> anomalyScore = new TreeMap<>();
    anomalies.forEach(a -> anomalyScore.merge(a.getService(), a.getScore(), Math::max));
    if (byCause.isEmpty()) {
      return List.of();
    }
    Map<String, Set<String>> graph = callGraph(hypotheses, topology);
    long firstSign = byCause.values().stream().mapToLong(Candidate::firstSeen).min().orElseThrow();
    List<Scored> scored = new ArrayList<>();
    for (Candidate c : byCause.values()) {
      scored.add(score(c, byCause.values(), graph, firstSign, anomalyScore));
    }
    scored.sort(
        Comparator.comparingDouble(Scored::score)
            .reversed()
            .thenComparing(s -> -s.candidate().confidence())
            .thenComparingLong(s -> s.candidate().firstSeen())
            .thenComparing(s -> s.candidate().service)
            .thenComparing(s -> s.candidate().category));
    return scored.stream().map(HypothesisRanker::toRootCause).toList();
  }

  /** One candidate per (service, category) concluded, and per service only detectors flagged. */
  private static Map<String, Candidate> candidates(
      Collection<Hypothesis> hypotheses, Collection<AnomalyFact> anomalies) {
    Map<String, Candidate> byCause = new TreeMap<>();
    for (Hypothesis h : hypotheses) {
      byCause
          .computeIfAbsent(
              h.getService() + "|" + h.getCategory(),
              k -> new Candidate(h.getService(), h.getCategory()))
          .hypotheses
          .add(h);
    }
    Set<String> blamed = new TreeSet<>();
    hypotheses.forEach(h -> blamed.add(h.getService()));
    for (AnomalyFact a : anomalies) {
      if (!blamed.contains(a.getService())) {
        byCause
            .computeIfAbsent(
                a.getService() + "|" + Candidate.UNKNOWN,
                k -> new Candidate(a.getService(), Candidate.UNKNOWN))
            .anomalies
            .add(a);
      }
    }
    return byCause;
  }

  private record Scored(Candidate candidate, ScoreBreakdown breakdown, double score) {}

  private Scored score(
      Candidate c,
      Collection<Candidate> all,
      Map<String, Set<String>> graph,
      long firstSign,
      Map<String, Double> anomalyScore) {
    Standing standing = Standing.of(c, all, graph, EXPLAINS_MIN_CONFIDENCE);
    double position =
        standing.explained() || c.onlyStarved() ? 0 : standing.callers().isEmpty() ? 0.5 : 1;
    double anomaly = anomalyScore.getOrDefault(c.service, 0.0);
    List<ScoreBreakdown.Component> components =
        List.of(
            term(CONFIDENCE, c.confidence(), W_CONFIDENCE, Reasons.confidence(c)),
            term(
                FIRST_TO_GO_WRONG,
                Math.exp(-(c.firstSeen() - firstSign) / EARLINESS_MILLIS),
                W_EARLINESS,
                Reasons.firstToGoWrong(c, all)),
            term(CALL_GRAPH, position, W_POSITION, Reasons.callGraph(c, standing)),
            term(
                EVIDENCE,
                Math.min(1, Math.log10(1 + c.support()) / 2),
                W_SUPPORT,
                Reasons.evidence(c.support())),
            term(ANOMALY, anomaly, W_ANOMALY, Reasons.anomaly(c.service, anomaly)));
    ScoreBreakdown.ExplainedBy explainedBy =
        standing.explained()
            ? new ScoreBreakdown.ExplainedBy(
                standing.explainer().service,
                standing.explainer().category,
                EXPLAINED_FACTOR,
                Reasons.explainedBy(c, standing))
            : null;
    ScoreBreakdown breakdown = new ScoreBreakdown(components, rules(c), explainedBy);
    return new Scored(c, breakdown, breakdown.total());
  }

  /**
   * A component whose value is rounded as the incident JSON keeps it, so that the score of a stored
   * incident still adds up from its stored components.
   */
  private static ScoreBreakdown.Component term(
      String name, double value, double weight, String reason) {
    return new ScoreBreakdown.Component(
        name, Math.round(value * 10_000) / 10_000.0, weight, reason);
  }

  private static List<ScoreBreakdown.RuleConfidence> rules(Candidate c) {
    return c.hypotheses.stream()
        .sorted(
            Comparator.comparingDouble(Hypothesis::getConfidence)
                .reversed()
                .thenComparing(Hypothesis::getRule))
        .map(h -> new ScoreBreakdown.RuleConfidence(h.getRule(), h.getConfidence()))
        .toList();
  }

  /**
   * True when {@code c} is the host cut off rather than a victim of {@code other}: only {@code c}
   * says it cannot get through to {@code other}, while {@code c}'s own callers cannot get through
   * to {@code c} in the same way. A host dropped off the network sees nothing and nobody sees it;
   * its dependency's trouble is its own. When {@code other} is unreachable, it may say so itself: a
   * server that keeps losing its clients' connections is what that one client cut off brings about.
   * (Any other report of its own, a shutdown say, is trouble of its own.)
   */
  static boolean cutOff(Candidate c, Candidate other) {
    if (!c.category.equals(other.category)) {
      return false;
    }
    // (an unknown other has no lines, but then c is unknown too and no caller sees it)
    boolean onlyFromC =
        c.is(Category.NETWORK_UNREACHABLE)
            ? other.restsOnLinesOfAndItsOwn(c.service)
            : other.restsOnlyOnLinesOf(c.service);
    boolean callersSeeC =
        c.hypotheses.stream()
            .flatMap(h -> h.getEvidence().stream())
            .anyMatch(
                line -> !line.service().equals(c.service) && !line.service().equals(other.service));
    return onlyFromC && callersSeeC;
  }

  /**
   * The topology plus the calls the evidence shows: a line from service A that supports a
   * conclusion about service B means A depends on B.
   */
  static Map<String, Set<String>> callGraph(Collection<Hypothesis> hypotheses, Topology topology) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String service : topology.services()) {
      graph.computeIfAbsent(service, k -> new TreeSet<>()).addAll(topology.callees(service));
    }
    for (Hypothesis h : hypotheses) {
      for (EvidenceLine line : h.getEvidence()) {
        if (!line.service().equals(h.getService())) {
          graph.computeIfAbsent(line.service(), k -> new TreeSet<>()).add(h.getService());
        }
      }
    }
    return graph;
  }

  static boolean dependsOn(Map<String, Set<String>> graph, String caller, String callee) {
    Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(caller, Set.of()));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (next.equals(callee)) {
        return true;
      }
      if (seen.add(next)) {
        todo.addAll(graph.getOrDefault(next, Set.of()));
      }
    }
    return false;
  }

  private static RootCause toRootCause(Scored s) {
    Candidate c = s.candidate();
    String summary =
        c.service
            + " "
            + c.detail()
            + " ("
            + c.category
            + "): "
            + c.support()
            + " supporting line(s) since "
            + Instant.ofEpochMilli(c.firstSeen());
    // three decimals, as the incident JSON keeps them: a stored incident equals the reported one
    return new RootCause(
        c.service,
        c.category,
        Math.round(s.score() * 1000) / 1000.0,
        c.rule(),
        summary,
        c.evidence(MAX_EVIDENCE).stream().map(EvidenceLine::toEvidence).toList(),
        s.breakdown());
  }
}
