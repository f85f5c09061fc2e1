package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
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
import java.util.TreeMap;

/**
 * Groups conclusions and anomalies into incidents: a signal joins an open incident when it is
 * within the group window of it and shares a service or a call path with it, or repeats its root
 * cause while it is open; an incident is reported once a rule is sure enough (or, with no rule,
 * once anomalies are strong enough), is reported again whenever it changes, and is reported
 * resolved once its services have shown no trouble for the quiet period.
 */
public final class IncidentBuilder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How long before an incident's first sure sign a weak signal may still be its first sign. */
  static final long WEAK_LEAD_MILLIS = 120_000;

  final CorrelationConfig config;

  /**
   * How long an id is remembered after its incident began. A new incident's id comes from its first
   * sign, and facts expire within 30 minutes, so no new incident can take an id older than this.
   */
  static final long ID_MEMORY_MILLIS = 3_600_000;

  final ArrayList<Cluster> open = new ArrayList<>();

  /** Ids given out, with the start of their incident, so that a new incident never reuses one. */
  final TreeMap<String, Long> givenIds = new TreeMap<>();

  /** Reported incidents merged into another since the last update, to be reported resolved. */
  final ArrayList<Cluster> mergedAway = new ArrayList<>();

  /** How many incidents have been reported, to order them by their first report. */
  long reported;

  private transient HypothesisRanker ranker;

  /** A builder with no open incidents. */
  public IncidentBuilder(CorrelationConfig config) {
    this.config = config;
  }

  /**
   * Adds what changed, resolves incidents quiet since before {@code now - quietPeriod}, and returns
   * every reportable incident that changed or resolved, in order of creation. A resolved incident
   * is returned once more, with status resolved, and then forgotten: a repeat opens a new incident.
   */
  public List<Incident> update(
      List<Hypothesis> changed, List<AnomalyFact> anomalies, Topology topology, long now) {
    add(changed, anomalies, topology);
    mergeConnected(topology);
    List<Incident> result = new ArrayList<>();
    // an incident merged into an earlier one ends here; its signals live on under the earlier id
    for (Cluster gone : mergedAway) {
      result.add(toIncident(gone, topology).resolve(Math.max(now, gone.end)));
    }
    mergedAway.clear();
    long quiet = config.quietPeriodMillis();
    for (Iterator<Cluster> it = open.iterator(); it.hasNext(); ) {
      Cluster c = it.next();
      boolean resolves = c.quietSince(now, quiet);
      if (reportable(c) && (c.dirty || (resolves && c.id != null))) {
        Incident incident = toIncident(c, topology);
        result.add(resolves ? incident.resolve(c.lastActivity + quiet) : incident);
      }
      c.dirty = false;
      if (resolves) {
        it.remove();
      }
    }
    givenIds.values().removeIf(start -> start < now - ID_MEMORY_MILLIS);
    return result;
  }

  /**
   * End of input: adds what changed, resolves what has been quiet long enough, and returns every
   * reportable incident, now final; those still within their quiet period stay open.
   */
  public List<Incident> finish(
      List<Hypothesis> changed, List<AnomalyFact> anomalies, Topology topology, long now) {
    Map<String, Incident> result = new LinkedHashMap<>();
    update(changed, anomalies, topology, now).forEach(i -> result.put(i.id(), i));
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

  /**
   * A line of {@code service} at {@code time} that shows trouble (an error, a failure signature):
   * the open incidents of that service are not quiet yet, though the line concluded nothing new.
   */
  public void noteTrouble(String service, long time) {
    open.forEach(c -> c.noteTrouble(service, time));
  }

  /** Strong signals first, so that weak ones of the same batch find the incident they belong to. */
  private void add(List<Hypothesis> changed, List<AnomalyFact> anomalies, Topology topology) {
    List<Hypothesis> hypotheses = new ArrayList<>(changed);
    hypotheses.sort(
        Comparator.comparingLong(Hypothesis::getFirstSeen).thenComparing(Hypothesis::key));
    List<AnomalyFact> sorted = new ArrayList<>(anomalies);
    sorted.sort(
        Comparator.comparingLong(AnomalyFact::getTimestamp).thenComparing(AnomalyFact::getId));
    for (boolean strong : new boolean[] {true, false}) {
      for (Hypothesis h : hypotheses) {
        if (opens(h) == strong) {
          Cluster c =
              clusterFor(
                  h.services(),
                  IncidentIds.causeKey(h),
                  h.getFirstSeen(),
                  h.getLastSeen(),
                  topology,
                  strong);
          if (c != null) {
            c.add(h);
          }
        }
      }
      for (AnomalyFact a : sorted) {
        if (opens(a) == strong) {
          Cluster c =
              clusterFor(
                  Set.of(a.getService()),
                  a.getService() + "|" + Category.UNKNOWN.id(),
                  a.getTimestamp(),
                  a.getWindowEnd(),
                  topology,
                  strong);
          if (c != null) {
            c.add(a);
          }
        }
      }
    }
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

  /**
   * The open incident the signal joins (one it is close to and connected with, or one whose root
   * cause it repeats); else a new one when {@code mayOpen}, else null.
   */
  private Cluster clusterFor(
      Set<String> services, String key, long first, long last, Topology t, boolean mayOpen) {
    List<Cluster> joined = new ArrayList<>();
    for (Cluster c : open) {
      // a weak signal that came well before the incident is background, not its first sign
      long before = mayOpen ? config.groupWindowMillis() : WEAK_LEAD_MILLIS;
      if (c.accepts(services, first, last, before, config.groupWindowMillis(), t)
          || c.repeats(key, first, last, before, config.quietPeriodMillis())) {
        joined.add(c);
      }
    }
    if (!joined.isEmpty()) {
      return merge(joined);
    }
    if (!mayOpen) {
      return null;
    }
    Cluster c = new Cluster();
    open.add(c);
    return c;
  }

  /**
   * Incidents that one signal belongs to are one fault seen from several services (a front end's
   * errors that opened before the datastore they wait on spoke up): they become the one reported
   * first, which keeps its id, so the first incident a user saw for the fault goes on to name its
   * cause. Returns that one.
   */
  private Cluster merge(List<Cluster> clusters) {
    Cluster keep =
        clusters.stream().min(Comparator.comparingLong(c -> c.reportOrder)).orElseThrow();
    for (Cluster other : clusters) {
      if (other != keep) {
        keep.absorb(other);
        open.remove(other);
        if (other.id != null) {
          mergedAway.add(other);
        }
      }
    }
    return keep;
  }

  /**
   * Merges open incidents that have come to touch: close in time and sharing a service or a call
   * path, which the call graph may show only after both opened (it is learned from the logs).
   */
  private void mergeConnected(Topology topology) {
    while (mergeOnePair(topology)) {
      // a merged incident may now touch one that neither part touched
    }
  }

  private boolean mergeOnePair(Topology topology) {
    long window = config.groupWindowMillis();
    for (int i = 0; i < open.size(); i++) {
      for (int j = i + 1; j < open.size(); j++) {
        Cluster a = open.get(i);
        Cluster b = open.get(j);
        if (a.accepts(b.services, b.start, b.end, window, window, topology)) {
          merge(List.of(a, b));
          return true;
        }
      }
    }
    return false;
  }

  private boolean reportable(Cluster c) {
    return c.maxConfidence() >= config.minConfidence()
        || (c.anomalies.size() >= config.unknownMinAnomalies()
            && c.maxAnomalyScore() >= config.unknownMinScore());
  }

  private Incident toIncident(Cluster c, Topology topology) {
    if (c.id == null) {
      c.id = IncidentIds.next(c, givenIds, config.groupWindowMillis());
      c.reportOrder = reported++;
    }
    if (ranker == null) {
      ranker = new HypothesisRanker();
    }
    List<RootCause> causes = ranker.rank(c.hypotheses.values(), c.anomalies.values(), topology);
    if (!causes.isEmpty()) {
      c.rootKey = causes.get(0).service() + "|" + causes.get(0).category();
    }
    return new Incident(c.id, c.start, c.end, new ArrayList<>(c.services), causes);
  }
}
