package dev.logrca.flink;

import dev.logrca.core.detect.DetectorConfig;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.correlate.RuleSource;
import dev.logrca.flink.session.SessionSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What the job needs to know besides its source and sinks.
 *
 * @param window length of the event-time windows that events are counted in
 * @param outOfOrderness how far behind the newest line a line may arrive and still be counted
 * @param maxSilentWindows how many empty windows in a row a silent service still reports
 * @param detectors the anomaly detectors' settings
 * @param rules the rule pack and an operator's extra rules
 * @param topology the call graph from a topology file, or null to infer it from the logs
 * @param parallelism parallelism of the per-service stages
 * @param sessions where the session stage finds its models, or null for no session stage
 */
public record JobSettings(
    Duration window,
    Duration outOfOrderness,
    int maxSilentWindows,
    DetectorConfig detectors,
    RuleSource rules,
    Topology topology,
    int parallelism,
    SessionSettings sessions)
    implements Serializable {

  public JobSettings {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(outOfOrderness, "outOfOrderness");
    Objects.requireNonNull(detectors, "detectors");
    Objects.requireNonNull(rules, "rules");
    if (window.toMillis() < 1000) {
      throw new IllegalArgumentException("window must be at least one second: " + window);
    }
    if (window.toMillis() != detectors.windowMillis()) {
      // the detectors read a window shorter than theirs as one cut short by the end of the input
      throw new IllegalArgumentException(
          "window "
              + window
              + " must equal the detectors' window of "
              + detectors.windowMillis()
              + " ms");
    }
    if (outOfOrderness.isNegative()) {
      throw new IllegalArgumentException("outOfOrderness must not be negative");
    }
    if (maxSilentWindows < 0 || parallelism < 1) {
      throw new IllegalArgumentException("maxSilentWindows >= 0 and parallelism >= 1 required");
    }
  }

  /**
   * The defaults: 30 s windows (long enough for a few lines of a quiet service, short enough to
   * name a fault within a minute), 5 s of disorder, 10 silent windows, the shipped rules.
   */
  public static JobSettings defaults() {
    return new JobSettings(
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        10,
        DetectorConfig.defaults(),
        new RuleSource(null),
        null,
        1,
        null);
  }

  public JobSettings withRules(RuleSource rules) {
    return new JobSettings(
        window,
        outOfOrderness,
        maxSilentWindows,
        detectors,
        rules,
        topology,
        parallelism,
        sessions);
  }

  public JobSettings withTopology(Topology topology) {
    return new JobSettings(
        window,
        outOfOrderness,
        maxSilentWindows,
        detectors,
        rules,
        topology,
        parallelism,
        sessions);
  }

  /** These settings with sessions judged by the champion of {@code sessions}' registry. */
  public JobSettings withSessions(SessionSettings sessions) {
    return new JobSettings(
        window,
        outOfOrderness,
        maxSilentWindows,
        detectors,
        rules,
        topology,
        parallelism,
        sessions);
  }

  public JobSettings withParallelism(int parallelism) {
    return new JobSettings(
        window,
        outOfOrderness,
        maxSilentWindows,
        detectors,
        rules,
        topology,
        parallelism,
        sessions);
  }
}
