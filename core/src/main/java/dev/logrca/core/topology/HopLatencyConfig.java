package dev.logrca.core.topology;

import java.io.Serializable;

/**
 * When {@link HopLatency} calls a service the place where requests wait. Every knob has a default
 * ({@link #defaults()}), chosen in core/README.md ("Hop latency from traces").
 *
 * @param windowMillis event-time window the hops are judged in. Default 60 s
 * @param maxTraces traces whose last line is remembered. Default 20,000
 * @param traceIdleMillis a trace without a line for this long is forgotten. Default 2 minutes
 * @param minHops entries (and exits) a service needs in a window to be judged. Default 20
 * @param minCallers distinct callers those entries must come from: one slow caller-callee pair is
 *     the pair's trouble, or a batch client's. Default 2
 * @param minPeers other services with {@link #minPeerHops} hops the window needs, to know what a
 *     usual hop takes. Default 2
 * @param minPeerHops hops another service needs to count as a peer. Default 5
 * @param factor how many times the median of the other services' medians a service's entry and exit
 *     medians must reach. Default 20
 * @param entryFloorMillis the entry median must also reach this. Default 1 s
 * @param exitFloorMillis the exit median must also reach this. Default 250 ms
 * @param workFactor how many times the median of the other services' 90th percentiles of their own
 *     gaps the service's must reach to call its own work slow; lower than {@link #factor} since own
 *     gaps include waits on callees that log nothing. Default 10
 * @param workFloorMillis ... and the floor it must also reach. Default 50 ms
 */
public record HopLatencyConfig(
    long windowMillis,
    int maxTraces,
    long traceIdleMillis,
    int minHops,
    int minCallers,
    int minPeers,
    int minPeerHops,
    double factor,
    long entryFloorMillis,
    long exitFloorMillis,
    double workFactor,
    long workFloorMillis)
    implements Serializable {

  public HopLatencyConfig {
    if (windowMillis < 1 || maxTraces < 1 || traceIdleMillis < 1) {
      throw new IllegalArgumentException("window, traces and idle time must be positive");
    }
    if (minHops < 1
        || minCallers < 1
        || minPeers < 1
        || minPeerHops < 1
        || factor < 1
        || workFactor < 1) {
      throw new IllegalArgumentException("hop, caller and peer minimums and factor must be >= 1");
    }
    if (entryFloorMillis < 0 || exitFloorMillis < 0 || workFloorMillis < 0) {
      throw new IllegalArgumentException("floors must not be negative");
    }
  }

  /** The defaults documented on each component. */
  public static HopLatencyConfig defaults() {
    return new HopLatencyConfig(60_000, 20_000, 120_000, 20, 2, 2, 5, 20, 1_000, 250, 10, 50);
  }
}
