package dev.logrca.rules.correlate;

import java.io.Serializable;

/**
 * How the correlation engine groups, resolves and reports incidents. Every knob has a default
 * ({@link #defaults()}); all times are event time in milliseconds.
 *
 * @param groupWindowMillis signals this close to an open incident (and connected to it) join it;
 *     also the bucket of the incident id. Default 5 minutes
 * @param quietPeriodMillis an incident whose services showed no trouble for this long (no new
 *     conclusion or anomaly joined it, none of its services logged an error or a failure signature)
 *     is resolved; a repeat of its root cause while it is open continues it. Default 10 minutes
 * @param minConfidence an incident is reported once one of its rule conclusions is at least this
 *     sure. Default 0.5
 * @param unknownMinScore an incident with no sure conclusion is reported as {@code unknown} only
 *     when its strongest anomaly scores at least this. Default 0.9
 * @param unknownMinAnomalies ... and it has at least this many anomalies. Default 2
 * @param silenceMillis a service that has logged nothing for this long counts as silent when a
 *     caller's line names only an IP address. Default 60 seconds
 * @param troubleMillis a service that logged a warning or worse this recently counts as failing for
 *     the same purpose. Default 5 minutes
 */
public record CorrelationConfig(
    long groupWindowMillis,
    long quietPeriodMillis,
    double minConfidence,
    double unknownMinScore,
    int unknownMinAnomalies,
    long silenceMillis,
    long troubleMillis)
    implements Serializable {

  public CorrelationConfig {
    if (groupWindowMillis <= 0
        || quietPeriodMillis <= 0
        || silenceMillis <= 0
        || troubleMillis <= 0) {
      throw new IllegalArgumentException("time spans must be positive");
    }
    if (minConfidence < 0 || minConfidence > 1 || unknownMinScore < 0 || unknownMinScore > 1) {
      throw new IllegalArgumentException("confidence and score thresholds must be in [0, 1]");
    }
    if (unknownMinAnomalies < 1) {
      throw new IllegalArgumentException("unknownMinAnomalies must be at least 1");
    }
  }

  /** The defaults documented on each component. */
  public static CorrelationConfig defaults() {
    return new CorrelationConfig(300_000, 600_000, 0.5, 0.9, 2, 60_000, 300_000);
  }

  /** These settings with a different quiet period. */
  public CorrelationConfig withQuietPeriod(long millis) {
    return new CorrelationConfig(
        groupWindowMillis,
        millis,
        minConfidence,
        unknownMinScore,
        unknownMinAnomalies,
        silenceMillis,
        troubleMillis);
  }
}
