package dev.logrca.cli;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the engine did on one injected fault: the incident that covers its time window, where the
 * fault's root ranks among that incident's causes, and how soon the incident was first reported.
 *
 * @param fault the expected fault
 * @param matched the incident scored against it, null if none
 * @param causes the matched incident's causes, minus those naming another fault's root (when two
 *     faults share one incident, the other fault's root ranking first is no miss)
 * @param delay event time from the fault's start to the first report of an incident that began with
 *     it, or, when it joined an incident already open for an earlier fault, to the first report of
 *     that incident naming the fault's root among its causes; null if none
 * @param joined true when the fault joined an incident already open for an earlier fault
 */
record FaultScore(
    ExpectedFault fault, Incident matched, List<RootCause> causes, Duration delay, boolean joined) {

  /**
   * Scores {@code fault}: the first incident starting at or after its start (with a window's slack)
   * and before the next fault's start (and the fault's end, when known), or else the incident still
   * open when it started.
   */
  static FaultScore of(
      ExpectedFault fault,
      long nextFaultStart,
      Set<String> otherRoots,
      List<Incident> incidents,
      Map<String, Incident> firstReports,
      Map<String, Map<String, Long>> firstNamed) {
    long start = fault.start().toEpochMilli();
    long from = start - RcaOutcome.SLACK_MILLIS;
    long until = nextFaultStart - RcaOutcome.SLACK_MILLIS;
    if (fault.end() != null) {
      until = Math.min(until, fault.end().toEpochMilli());
    }
    long before = until;
    Incident own =
        incidents.stream()
            .filter(i -> i.start() >= from && i.start() < before)
            .min((a, b) -> Long.compare(a.start(), b.start()))
            .orElse(null);
    Incident matched = own;
    if (matched == null) {
      matched =
          incidents.stream()
              .filter(i -> i.start() < from && i.end() >= from)
              .max((a, b) -> Long.compare(a.start(), b.start()))
              .orElse(null);
    }
    if (matched == null) {
      return new FaultScore(fault, null, List.of(), null, false);
    }
    List<RootCause> causes =
        matched.rootCauses().stream().filter(c -> !otherRoots.contains(c.service())).toList();
    Duration delay = null;
    if (own != null) {
      Incident first = firstReports.getOrDefault(own.id(), own);
      delay = Duration.ofMillis(Math.max(0, first.end() - start));
    } else {
      // the first report naming the root for this cause; else naming the root at all, unless the
      // root was already among the causes (as another fault's symptom) before this fault began
      Map<String, Long> named = firstNamed.getOrDefault(matched.id(), Map.of());
      for (String key : List.of(fault.service() + "|" + fault.category(), fault.service())) {
        // a fault without a category has only the service key: "service|null" is never recorded
        Long at = named.get(key);
        if (delay == null && at != null && at >= start) {
          delay = Duration.ofMillis(at - start);
        }
      }
    }
    return new FaultScore(fault, matched, causes, delay, own == null);
  }

  /** The fault's root (or its accepted alternative) is among the first {@code k} causes. */
  boolean serviceHit(int k) {
    return causes.stream().limit(k).anyMatch(c -> fault.isRoot(c.service()));
  }

  /** The first cause names the fault's category (whatever the service); false without one. */
  boolean categoryHit() {
    return fault.hasCategory()
        && causes.stream().limit(1).anyMatch(c -> c.category().equals(fault.category()));
  }

  /** An incident was opened within the fault's window (rather than none, or one already open). */
  boolean opened() {
    return matched != null && !joined;
  }

  /** The first cause names both the root service and its category. */
  boolean exactHit() {
    return serviceHit(1) && categoryHit();
  }
}
