package dev.logrca.rules.incident;

import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import java.io.Serializable;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The open state of one incident: its signals, its span, when its services last showed trouble, and
 * what it was last reported as.
 */
final class Cluster implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Anomalies kept per incident; the rest only stretch its span. */
  static final int MAX_ANOMALIES = 100;

  String id;
  long start = Long.MAX_VALUE;
  long end = Long.MIN_VALUE;

  /** The last sign of trouble: its last signal, or a later error line of one of its services. */
  long lastActivity = Long.MIN_VALUE;

  /** {@code service|category} of the top root cause last reported, null before the first report. */
  String rootKey;

  /** In which order incidents were first reported (0 first); unreported ones sort last. */
  long reportOrder = Long.MAX_VALUE;

  boolean dirty;
  final TreeSet<String> services = new TreeSet<>();
  final TreeMap<String, Hypothesis> hypotheses = new TreeMap<>();
  final TreeMap<String, AnomalyFact> anomalies = new TreeMap<>();

  void add(Hypothesis h) {
    Hypothesis mine = hypotheses.get(h.key());
    if (mine == null) {
      hypotheses.put(h.key(), h.copy());
    } else {
      mine.absorb(h);
    }
    services.addAll(h.services());
    stretch(h.getFirstSeen(), h.getLastSeen());
  }

  void add(AnomalyFact a) {
    if (anomalies.size() < MAX_ANOMALIES) {
      anomalies.put(a.getId(), a);
    }
    services.add(a.getService());
    stretch(a.getTimestamp(), a.getWindowEnd());
  }

  /**
   * Takes in everything {@code other} holds: its signals, services, span and last trouble. The
   * merged incident keeps this one's id and report order.
   */
  void absorb(Cluster other) {
    other.hypotheses.values().forEach(this::add);
    other.anomalies.values().forEach(this::add);
    services.addAll(other.services);
    stretch(other.start, other.end);
    lastActivity = Math.max(lastActivity, other.lastActivity);
  }

  private void stretch(long first, long last) {
    start = Math.min(start, first);
    end = Math.max(end, last);
    lastActivity = Math.max(lastActivity, last);
    dirty = true;
  }

  /** A line of {@code service} at {@code time} shows trouble: the incident is not quiet yet. */
  void noteTrouble(String service, long time) {
    if (services.contains(service)) {
      lastActivity = Math.max(lastActivity, time);
    }
  }

  /** Resolved once nothing showed trouble for {@code quietMillis} before {@code now}. */
  boolean quietSince(long now, long quietMillis) {
    return lastActivity != Long.MIN_VALUE && lastActivity + quietMillis <= now;
  }

  /**
   * A signal about the incident's reported root cause while it is open: it continues the incident
   * however long after its last sign it comes.
   */
  boolean repeats(String key, long first, long last, long before, long quietMillis) {
    return key.equals(rootKey) && first < lastActivity + quietMillis && last >= start - before;
  }

  /**
   * Reaches into [start - before, end + after] and shares a service or a call with it: a signal may
   * come up to {@code after} after the incident's last sign, or end up to {@code before} before its
   * first.
   */
  boolean accepts(
      Set<String> others, long first, long last, long before, long after, Topology topology) {
    if (first > end + after || last < start - before) {
      return false;
    }
    for (String other : others) {
      if (services.contains(other)) {
        return true;
      }
      for (String mine : services) {
        if (topology.dependsOn(mine, other) || topology.dependsOn(other, mine)) {
          return true;
        }
      }
    }
    return false;
  }

  double maxAnomalyScore() {
    return anomalies.values().stream().mapToDouble(AnomalyFact::getScore).max().orElse(0);
  }

  double maxConfidence() {
    return hypotheses.values().stream().mapToDouble(Hypothesis::getConfidence).max().orElse(0);
  }
}
