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

/**
 * Groups conclusions and anomalies into incidents: a signal joins an open incident when it is
 * within the group window of it and shares a service or a call path with it; an incident is
 * reported once a rule is sure enough (or, with no rule, once anomalies are strong enough), is
 * reported again whenever it changes, and resolves after a quiet period.
 */
public final class IncidentBuilder implements Serializable {
  private static final long serialVersionUID = 1L;

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
    for (Hypothesis h : hypotheses) {
      clusterFor(h.services(), h.getFirstSeen(), h.getLastSeen(), topology).add(h);
    }
    List<AnomalyFact> sorted = new ArrayList<>(anomalies);
    sorted.sort(
        Comparator.comparingLong(AnomalyFact::getTimestamp).thenComparing(AnomalyFact::getId));
    for (AnomalyFact a : sorted) {
      clusterFor(java.util.Set.of(a.getService()), a.getTimestamp(), a.getWindowEnd(), topology)
          .add(a);
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

  private Cluster clusterFor(java.util.Set<String> services, long first, long last, Topology t) {
    for (Cluster c : open) {
      if (c.accepts(services, first, last, config.groupWindowMillis(), t)) {
        return c;
      }
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
