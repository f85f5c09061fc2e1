package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import dev.logrca.core.model.Ids;
import dev.logrca.core.model.Incident;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups conclusions and anomalies into incidents: a signal joins an open incident when it is
 * within the group window of it and shares a service or a call path with it; an incident is
 * reported once a rule is sure enough (or, with no rule, once anomalies are strong enough), is
 * reported again whenever it changes, and resolves after a quiet period.
 */
public final class IncidentBuilder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How long before an incident's first sure sign a weak signal may still be its first sign. */
  static final long WEAK_LEAD_MILLIS = 120_000;

  private final CorrelationConfig config;
  private final ArrayList<Cluster> open = new ArrayList<>();
  private transient HypothesisRanker ranker;

  /** A builder with no open incidents. */
  public IncidentBuilder(CorrelationConfig config) {
    this.config = config;
  }

  /**
   * Adds what changed, resolves incidents quiet since before {@code now - quietPeriod}, and returns
   * every reportable incident that changed, in order of creation.
   */
  public List<Incident> update(
      List<Hypothesis> changed, List<AnomalyFact> anomalies, Topology topology, long now) {
    List<Hypothesis> hypotheses = new ArrayList<>(changed);
    hypotheses.sort(
        Comparator.comparingLong(Hypothesis::getFirstSeen).thenComparing(Hypothesis::key));
    List<AnomalyFact> sorted = new ArrayList<>(anomalies);
    sorted.sort(
        Comparator.comparingLong(AnomalyFact::getTimestamp).thenComparing(AnomalyFact::getId));
    // strong signals first, so that weak ones of the same batch find the incident they belong to
    for (Hypothesis h : hypotheses) {
      if (opens(h)) {
        clusterFor(h.services(), h.getFirstSeen(), h.getLastSeen(), topology, true).add(h);
      }
    }
    for (AnomalyFact a : sorted) {
      if (opens(a)) {
        clusterFor(Set.of(a.getService()), a.getTimestamp(), a.getWindowEnd(), topology, true)
            .add(a);
      }
    }
    for (Hypothesis h : hypotheses) {
      if (!opens(h)) {
        addIfJoins(clusterFor(h.services(), h.getFirstSeen(), h.getLastSeen(), topology, false), h);
      }
    }
    for (AnomalyFact a : sorted) {
      if (!opens(a)) {
        Cluster c =
            clusterFor(Set.of(a.getService()), a.getTimestamp(), a.getWindowEnd(), topology, false);
        if (c != null) {
          c.add(a);
        }
      }
    }
    List<Incident> result = new ArrayList<>();
    for (Cluster c : open) {
      if (c.dirty && reportable(c)) {
        result.add(toIncident(c, topology));
      }
      c.dirty = false;
    }
    open.removeIf(c -> c.end + config.quietPeriodMillis() <= now);
    return result;
  }

  /** End of input: adds what changed and returns every reportable incident, now final. */
  public List<Incident> finish(
      List<Hypothesis> changed, List<AnomalyFact> anomalies, Topology topology, long now) {
    Map<String, Incident> result = new LinkedHashMap<>();
    update(changed, anomalies, topology, Long.MIN_VALUE).forEach(i -> result.put(i.id(), i));
    for (Iterator<Cluster> it = open.iterator(); it.hasNext(); ) {
      Cluster c = it.next();
      if (reportable(c)) {
        Incident incident = toIncident(c, topology);
        result.put(incident.id(), incident);
      }
      it.remove();
    }
    return new ArrayList<>(result.values());
  }

  /** How many incidents are open (reported or not yet). */
  public int openCount() {
    return open.size();
  }

  /**
   * Whether a conclusion may open an incident of its own: only one sure enough to report. A weak
   * one (a lone timeout, a first exception) only adds to an incident something else opened, so that
   * the background noise of a healthy system neither opens incidents nor, by chaining one weak
   * signal to the next, stretches a real incident back to long before its cause.
   */
  private boolean opens(Hypothesis h) {
    return h.getConfidence() >= config.minConfidence();
  }

  /** Whether an anomaly may open an incident: only one strong enough to report as unknown. */
  private boolean opens(AnomalyFact a) {
    return a.getScore() >= config.unknownMinScore();
  }

  private static void addIfJoins(Cluster c, Hypothesis h) {
    if (c != null) {
      c.add(h);
    }
  }

  /** The open incident the signal joins; else a new one when {@code mayOpen}, else null. */
  private Cluster clusterFor(
      Set<String> services, long first, long last, Topology t, boolean mayOpen) {
    for (Cluster c : open) {
      // a weak signal that came well before the incident is background, not its first sign
      long before = mayOpen ? config.groupWindowMillis() : WEAK_LEAD_MILLIS;
      if (c.accepts(services, first, last, before, config.groupWindowMillis(), t)) {
        return c;
      }
    }
    if (!mayOpen) {
      return null;
    }
    Cluster c = new Cluster();
    open.add(c);
    return c;
  }

  private boolean reportable(Cluster c) {
    return c.maxConfidence() >= config.minConfidence()
        || (c.anomalies.size() >= config.unknownMinAnomalies()
            && c.maxAnomalyScore() >= config.unknownMinScore());
  }

  private Incident toIncident(Cluster c, Topology topology) {
    if (c.id == null) {
      c.id = idOf(c);
    }
    if (ranker == null) {
      ranker = new HypothesisRanker();
    }
    return new Incident(
        c.id,
        c.start,
        c.end,
        new ArrayList<>(c.services),
        ranker.rank(c.hypotheses.values(), c.anomalies.values(), topology));
  }

  /** The first conclusion's (or, with none, the first anomaly's) service, category and bucket. */
  private String idOf(Cluster c) {
    long bucketMillis = config.groupWindowMillis();
    Hypothesis first =
        c.hypotheses.values().stream()
            .min(Comparator.comparingLong(Hypothesis::getFirstSeen).thenComparing(Hypothesis::key))
            .orElse(null);
    if (first != null) {
      return Ids.hash(
          first.getService()
              + "|"
              + first.getCategory()
              + "|"
              + Math.floorDiv(first.getFirstSeen(), bucketMillis));
    }
    AnomalyFact a =
        c.anomalies.values().stream()
            .min(
                Comparator.comparingLong(AnomalyFact::getTimestamp)
                    .thenComparing(AnomalyFact::getId))
            .orElseThrow();
    return Ids.hash(
        a.getService()
            + "|"
            + Category.UNKNOWN.id()
            + "|"
            + Math.floorDiv(a.getTimestamp(), bucketMillis));
  }
}
