package dev.logrca.flink.session;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the session stage finds its models and how it closes sessions.
 *
 * @param dataDir the data folder whose {@code models} folder is the registry
 * @param challenger a model id to run in shadow beside the champion, or null
 * @param keyPattern an operator's session key pattern (first group, or whole match), or null for
 *     trace ids and the usual shapes
 * @param idleMillis event time of quiet after which a session is closed and judged
 * @param lookMillis how often (processing time) the registry is looked at for a new champion
 * @param driftSampleLines lines of judged sessions compared at a time with the training mix
 */
public record SessionSettings(
    String dataDir,
    String challenger,
    String keyPattern,
    long idleMillis,
    long lookMillis,
    long driftSampleLines)
    implements Serializable {

  public SessionSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    if (idleMillis <= 0 || lookMillis <= 0 || driftSampleLines <= 0) {
      throw new IllegalArgumentException(
          "idleMillis, lookMillis and driftSampleLines must be positive");
    }
  }

  /**
   * The defaults for {@code dataDir}: no challenger, the usual keys, sessions closed after 30 s of
   * quiet (a request's trace is over in seconds; as long as a window, so a deviation reaches
   * correlation about as late as a window's anomaly), the registry looked at every 2 s (as rules
   * are), drift over 5,000 lines.
   */
  public static SessionSettings of(String dataDir) {
    return new SessionSettings(dataDir, null, null, 30_000, 2_000, 5_000);
  }

  public SessionSettings withChallenger(String id) {
    return new SessionSettings(dataDir, id, keyPattern, idleMillis, lookMillis, driftSampleLines);
  }

  public SessionSettings withDriftSampleLines(long lines) {
    return new SessionSettings(dataDir, challenger, keyPattern, idleMillis, lookMillis, lines);
  }
}
