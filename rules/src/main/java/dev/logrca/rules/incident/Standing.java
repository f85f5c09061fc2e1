package dev.logrca.rules.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a candidate stands among the other candidates of its incident: which failing services call
 * it, and which candidate, if any, explains it away.
 *
 * @param callers services of other candidates that depend on this candidate's service
 * @param explainer the surest candidate that explains this one, or null
 * @param sameService true when the explainer is the same service saying itself what is wrong
 * @param cutOff true when the explainer is a caller cut off from the network, whose complaints
 *     about this candidate are its own trouble
 * @param localCause true when the explainer is the only service complaining about this candidate
 *     and says itself that it cannot reach anything (it cannot resolve names, say)
 * @param symptom true when this candidate is the slowness of a service that says itself it is short
 *     of a resource (CPU, memory, a pool): the shortage explains the slowness
 */
record Standing(
    Set<String> callers,
    Candidate explainer,
    boolean sameService,
    boolean cutOff,
    boolean localCause,
    boolean symptom) {

  /**
   * A candidate is explained by its own service's resource shortage (its slowness), by a dependency
   * sure enough that did not start more than {@link #LATE_CAUSE_MILLIS} later, by the host cut off
   * or the service with a local cause that alone complains about it, or, when it rests only on
   * callers' complaints, by its own service saying what is wrong.
   */
  static Standing of(
      Candidate c,
      Collection<Candidate> all,
      Map<String, Set<String>> graph,
      double minConfidence) {
    Set<String> callers = new TreeSet<>();
    List<Candidate> sameServiceExplainers = new ArrayList<>();
    List<Candidate> dependencyExplainers = new ArrayList<>();
    List<Candidate> cutOffExplainers = new ArrayList<>();
    List<Candidate> localCauseExplainers = new ArrayList<>();
    List<Candidate> shortageExplainers = new ArrayList<>();
    for (Candidate other : all) {
      if (other.service.equals(c.service)) {
        boolean sure = other.selfReported() && other.confidence() >= minConfidence;
        if (sure && c.selfReported() && shortageBehindSlowness(c, other)) {
          shortageExplainers.add(other);
        } else if (sure && !c.selfReported()) {
          // callers' complaints about a service that says itself what is wrong are its symptoms
          sameServiceExplainers.add(other);
        }
        continue;
      }
      if (HypothesisRanker.cutOff(other, c)) {
        // only a host that is itself cut off cannot reach c: c's trouble is that host's
        cutOffExplainers.add(other);
        continue;
      }
      if (other.confidence() >= minConfidence && ownTroubleBehind(other, c)) {
        // only a service that cannot resolve names (say) complains about c: its own symptoms
        localCauseExplainers.add(other);
        continue;
      }
      if (HypothesisRanker.dependsOn(graph, other.service, c.service)) {
        callers.add(other.service);
      }
      // a dependency's own first line may trail its callers' first complaints by a little, but one
      // that went wrong minutes later is another fault, not this one's cause
      boolean otherFailedFirst =
          HypothesisRanker.dependsOn(graph, other.service, c.service)
              ? other.firstSeen() <= c.firstSeen()
              : other.firstSeen() <= c.firstSeen() + LATE_CAUSE_MILLIS;
      if (other.confidence() >= minConfidence
          && HypothesisRanker.dependsOn(graph, c.service, other.service)
          && otherFailedFirst
          && !HypothesisRanker.cutOff(c, other)
          && !ownTroubleBehind(c, other)) {
        dependencyExplainers.add(other);
      }
    }
    Candidate byShortage = surest(shortageExplainers);
    if (byShortage != null) {
      // a service short of CPU or memory is slow for that reason before any callee's
      return new Standing(callers, byShortage, true, false, false, true);
    }
    Candidate byDependency = surest(dependencyExplainers);
    if (byDependency != null) {
      return new Standing(callers, byDependency, false, false, false, false);
    }
    Candidate byCutOff = surest(cutOffExplainers);
    if (byCutOff != null) {
      return new Standing(callers, byCutOff, false, true, false, false);
    }
    Candidate byLocalCause = surest(localCauseExplainers);
    if (byLocalCause != null) {
      return new Standing(callers, byLocalCause, false, false, true, false);
    }
    return new Standing(callers, surest(sameServiceExplainers), true, false, false, false);
  }

  /** How much later than a caller a dependency may show its own trouble and still explain it. */
  static final long LATE_CAUSE_MILLIS = 30_000;

  /**
   * Causes that sit in the caller itself and spoil its calls to every dependency: it cannot resolve
   * names, its configuration points nowhere, it is too starved of CPU to wait for answers. (A host
   * off the network is told apart by its own callers: see {@link HypothesisRanker#cutOff}.)
   */
  private static final Set<String> LOCAL_CAUSES =
      Set.of("dns.resolution", "config.error", "resource.cpu_saturation");

  /** True when {@code c} is a service's slowness and {@code other} its own resource shortage. */
  private static boolean shortageBehindSlowness(Candidate c, Candidate other) {
    return c.category.equals("network.latency") && other.category.startsWith("resource.");
  }

  /**
   * True when {@code c}'s service says itself that it cannot reach anything (a local cause) and the
   * only complaints about {@code other} are that service's own: then they are {@code c}'s symptoms
   * and {@code other} cannot explain {@code c}.
   */
  private static boolean ownTroubleBehind(Candidate c, Candidate other) {
    return LOCAL_CAUSES.contains(c.category)
        && c.selfReported()
        && other.restsOnlyOnLinesOf(c.service);
  }

  boolean explained() {
    return explainer != null;
  }

  /** The surest of {@code candidates}; ties go to the earlier, then to the name. */
  private static Candidate surest(List<Candidate> candidates) {
    return candidates.stream()
        .max(
            Comparator.comparingDouble(Candidate::confidence)
                .thenComparing(Candidate::firstSeen, Comparator.reverseOrder())
                .thenComparing(c -> c.service + "|" + c.category, Comparator.reverseOrder()))
        .orElse(null);
  }
}
