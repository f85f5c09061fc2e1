package dev.logrca.rules.incident;

import dev.logrca.core.model.Category;
import dev.logrca.core.model.Ids;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import java.util.Comparator;
import java.util.Map;

/**
 * How an incident is named: the hash of its first sign's service, category and time bucket, so a
 * replay of the same logs gives the same ids, with an ordinal when an earlier incident of the last
 * hour had that id already (a repeat of a resolved one in the same bucket).
 */
final class IncidentIds {
  private IncidentIds() {}

  /**
   * A new id for {@code c}, recorded in {@code given} (ids given out, with the start of their
   * incident) so that it is not given again.
   */
  static String next(Cluster c, Map<String, Long> given, long bucketMillis) {
    String key = idKey(c, bucketMillis);
    String id = Ids.hash(key);
    for (int n = 2; given.containsKey(id); n++) {
      id = Ids.hash(key + "|" + n);
    }
    given.put(id, c.start);
    return id;
  }

  /** The service and category a conclusion blames, as incidents compare root causes. */
  static String causeKey(Hypothesis h) {
    return h.getService() + "|" + h.getCategory();
  }

  /** The first conclusion's (or, with none, the first anomaly's) service, category and bucket. */
  private static String idKey(Cluster c, long bucketMillis) {
    Hypothesis first =
        c.hypotheses.values().stream()
            .min(Comparator.comparingLong(Hypothesis::getFirstSeen).thenComparing(Hypothesis::key))
            .orElse(null);
    if (first != null) {
      return causeKey(first) + "|" + Math.floorDiv(first.getFirstSeen(), bucketMillis);
    }
    AnomalyFact a =
        c.anomalies.values().stream()
            .min(
                Comparator.comparingLong(AnomalyFact::getTimestamp)
                    .thenComparing(AnomalyFact::getId))
            .orElseThrow();
    return a.getService()
        + "|"
        + Category.UNKNOWN.id()
        + "|"
        + Math.floorDiv(a.getTimestamp(), bucketMillis);
  }
}
