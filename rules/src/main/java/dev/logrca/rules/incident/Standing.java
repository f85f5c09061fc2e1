package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a candidate stands among the other candidates of its incident: which failing services call
 * it, and which candidate, if any, explains it away and how.
 *
 * @param callers services of other candidates that depend on this candidate's service
 * @param explainer the surest candidate that explains this one, or null
 * @param how the way the explainer explains it, null when nothing does
 */
record Standing(Set<String> callers, Candidate explainer, Explanation how) {

  /** The ways one candidate explains another, the one that wins first. */
  enum Explanation {
    /**
     * The candidate is the slowness, or the going down, of a service that says itself it is short
     * of a resource.
     */
    SHORTAGE,
    /** The candidate is the slowness of a service that says itself it went down. */
    OUTAGE,
    /** The candidate is the going down of a service that restarted into a release of its own. */
    RELEASE,
    /** A dependency, sure enough, that went wrong no more than a little later. */
    DEPENDENCY,
    /** The only one complaining is a caller cut off from the network: its own trouble. */
    CUT_OFF,
    /** The only one complaining says itself it cannot reach anything (cannot resolve names). */
    LOCAL_CAUSE,
    /**
     * Only detectors flag it, and its flagged lines are what a sure conclusion blames on another.
     */
    LINES_BLAME_ANOTHER,
    /** The candidate rests on callers' complaints while its service says what is wrong. */
    SAME_SERVICE
  }

  /**
   * A candidate is explained by its own service's resource shortage (its slowness or its going
   * down), its slowness by its own service's going down, its going down by its own release, by a
   * dependency sure enough that did not start more than {@link #LATE_CAUSE_MILLIS} later, by the
   * host cut off or the service with a local cause that alone complains about it, by the service
   * its flagged lines blame when no rule blames it, or, when it rests only on callers' complaints,
   * by its own service saying what is wrong.
   */
  static Standing of(
      Candidate c,
      Collection<Candidate> all,
      Map<String, Set<String>> graph,
      double minConfidence) {
    Set<String> callers = new TreeSet<>();
    Map<Explanation, List<Candidate>> explainers = new EnumMap<>(Explanation.class);
    for (Candidate other : all) {
      boolean sameService = other.service.equals(c.service);
      Explanation how =
          sameService
              ? ownServiceExplains(c, other, minConfidence)
              : otherServiceExplains(c, other, graph, minConfidence);
      if (how != null) {
        explainers.computeIfAbsent(how, k -> new ArrayList<>()).add(other);
      }
      // a caller cut off, or with a local cause, complains for its own reasons
      if (!sameService
          && how != Explanation.CUT_OFF
          && how != Explanation.LOCAL_CAUSE
          && HypothesisRanker.dependsOn(graph, other.service, c.service)) {
        callers.add(other.service);
      }
    }
    for (Explanation how : Explanation.values()) {
      Candidate by = surest(explainers.getOrDefault(how, List.of()));
      if (by != null) {
        return new Standing(callers, by, how);
      }
    }
    return new Standing(callers, null, null);
  }

  /** How {@code other}, of {@code c}'s own service, explains {@code c}, or null. */
  private static Explanation ownServiceExplains(
      Candidate c, Candidate other, double minConfidence) {
    if (!other.selfReported() || other.confidence() < minConfidence) {
      return null;
    }
    if (c.selfReported()) {
      // a service short of CPU or memory is slow for that reason before any callee's, and a
      // database whose disk filled stops for that reason
      if (shortageBehind(c, other)) {
        return Explanation.SHORTAGE;
      }
      // a datastore that warns it cannot keep up and then shuts down: the slowness led up to the
      // outage, which is what broke
      if (c.is(Category.NETWORK_LATENCY) && other.is(Category.DEPENDENCY_DOWN)) {
        return Explanation.OUTAGE;
      }
      // a service shut down for a release and back up a moment later did not fail by going down:
      // what its callers see after the restart is the release's doing
      return c.is(Category.DEPENDENCY_DOWN) && releaseBehind(c, other) ? Explanation.RELEASE : null;
    }
    // callers' complaints about a service that says itself what is wrong are its symptoms
    return Explanation.SAME_SERVICE;
  }

  /** How {@code other}, of another service, explains {@code c}, or null. */
  private static Explanation otherServiceExplains(
      Candidate c, Candidate other, Map<String, Set<String>> graph, double minConfidence) {
    if (HypothesisRanker.cutOff(other, c)) {
      // only a host that is itself cut off cannot reach c: c's trouble is that host's
      return Explanation.CUT_OFF;
    }
    boolean sure = other.confidence() >= minConfidence;
    if (sure && ownTroubleBehind(other, c)) {
      // only a service that cannot resolve names (say) complains about c: its own symptoms
      return Explanation.LOCAL_CAUSE;
    }
    // a dependency's own first line may trail its callers' first complaints by a little, but one
    // that went wrong minutes later is another fault, not this one's cause
    boolean otherFailedFirst =
        HypothesisRanker.dependsOn(graph, other.service, c.service)
            ? other.firstSeen() <= c.firstSeen()
            : showedSoonAfter(other, c);
    boolean explains =
        sure
            && HypothesisRanker.dependsOn(graph, c.service, other.service)
            && otherFailedFirst
            && !HypothesisRanker.cutOff(c, other)
            && !ownTroubleBehind(c, other);
    if (explains) {
      return Explanation.DEPENDENCY;
    }
    return sure && c.flaggedLinesCitedBy(other) ? Explanation.LINES_BLAME_ANOTHER : null;
  }

  /** How much later than a caller a dependency may show its own trouble and still explain it. */
  static final long LATE_CAUSE_MILLIS = 30_000;

  /**
   * Causes that sit in the caller itself and spoil its calls to every dependency: it cannot resolve
   * names, its configuration points nowhere, it is too starved of CPU to wait for answers. (A host
   * off the network is told apart by its own callers: see {@link HypothesisRanker#cutOff}.)
   */
  private static final Set<String> LOCAL_CAUSES =
      Set.of(
          Category.DNS_RESOLUTION.id(),
          Category.CONFIG_ERROR.id(),
          Category.RESOURCE_CPU_SATURATION.id());

  /** Categories of a resource a service runs short of, its own and operators' alike. */
  private static final String RESOURCE_PREFIX = "resource.";

  /**
   * True when {@code other} is a service's own resource shortage and {@code c} its slowness, or its
   * going down no sooner than a little before the shortage showed (a database that runs out of disk
   * shuts itself down: it announces the shutdown, and the shutdown is not the cause).
   */
  private static boolean shortageBehind(Candidate c, Candidate other) {
    if (!other.category.startsWith(RESOURCE_PREFIX)) {
      return false;
    }
    return c.is(Category.NETWORK_LATENCY)
        || c.is(Category.DEPENDENCY_DOWN) && showedSoonAfter(other, c);
  }

  /**
   * True when {@code other} is a release of {@code c}'s service that showed no more than a little
   * after its going down: the shutdown was the release's restart.
   */
  private static boolean releaseBehind(Candidate c, Candidate other) {
    return other.is(Category.DEPLOY_BAD_RELEASE) && showedSoonAfter(other, c);
  }

  /** Whether {@code other} showed no more than {@link #LATE_CAUSE_MILLIS} after {@code c}. */
  private static boolean showedSoonAfter(Candidate other, Candidate c) {
    return other.firstSeen() <= c.firstSeen() + LATE_CAUSE_MILLIS;
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
