package dev.logrca.core.topology;

import dev.logrca.core.detect.SlowHopDetector;
import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hop latency per service from traces: each line of a trace that follows another service's line is
 * a hop, its gap counted as the arriving service's entry and the leaving service's exit; a line
 * that follows its own service's line counts as that service's own work. Lines must come in event
 * time order (the correlation operator releases them so). At the end of each event-time window the
 * {@link SlowHopDetector} judges the window's hops. Only services whose times carry milliseconds
 * count: an access log's time on the whole second would put every hop next to it up to a second
 * off.
 */
public final class HopLatency implements Serializable {
  private static final long serialVersionUID = 1L;

  private final HopLatencyConfig config;
  private final LastLines traces;
  private long windowStart = Long.MIN_VALUE;
  private final TreeMap<String, ServiceHops> services = new TreeMap<>();

  /** Services seen logging a time that is not on a whole second. */
  private final TreeSet<String> precise = new TreeSet<>();

  public HopLatency(HopLatencyConfig config) {
    this.config = config;
    this.traces = new LastLines(config.maxTraces(), config.traceIdleMillis());
  }

  /** With the defaults. */
  public HopLatency() {
    this(HopLatencyConfig.defaults());
  }

  /**
   * Counts one line, and returns the anomalies of the window its time closed (usually none). Lines
   * without a trace id or a service are skipped.
   */
  public List<Anomaly> observe(LogEvent event) {
    String traceId = event.record().traceId();
    String service = event.service();
    if (traceId == null || traceId.isBlank() || service == null || service.isBlank()) {
      return List.of();
    }
    long time = event.timestamp();
    List<Anomaly> closed = closeBefore(time);
    if (windowStart == Long.MIN_VALUE) {
      windowStart = time - Math.floorMod(time, config.windowMillis());
    }
    if (time % 1000 != 0) {
      precise.add(service);
    }
    LastLines.LastLine previous = traces.next(traceId, service, time);
    if (previous != null && precise.contains(service) && precise.contains(previous.service())) {
      long gap = time - previous.time();
      if (previous.service().equals(service)) {
        hops(service).worked(gap);
      } else {
        hops(service).entered(previous.service(), gap, traceId, event);
        hops(previous.service()).left(gap);
      }
    }
    return closed;
  }

  /** Judges and forgets the open window if it ends at or before {@code time}. */
  public List<Anomaly> closeBefore(long time) {
    if (windowStart == Long.MIN_VALUE || time < windowStart + config.windowMillis()) {
      return List.of();
    }
    List<Anomaly> found = judge();
    windowStart = Long.MIN_VALUE;
    return found;
  }

  /** Judges the open window as it stands: the input is over. */
  public List<Anomaly> finish() {
    if (windowStart == Long.MIN_VALUE) {
      return List.of();
    }
    List<Anomaly> found = judge();
    windowStart = Long.MIN_VALUE;
    return found;
  }

  private List<Anomaly> judge() {
    List<Anomaly> found =
        SlowHopDetector.judge(config, windowStart, windowStart + config.windowMillis(), services);
    services.clear();
    return found;
  }

  private ServiceHops hops(String service) {
    return services.computeIfAbsent(service, s -> new ServiceHops());
  }

  public HopLatencyConfig config() {
    return config;
  }

  /** Start of the open window, or {@code Long.MIN_VALUE} when none is open. */
  public long windowStart() {
    return windowStart;
  }

  /** The open window's hops per service. */
  public Map<String, ServiceHops> services() {
    return Collections.unmodifiableMap(services);
  }

  /** The recent traces' last lines. */
  public LastLines traces() {
    return traces;
  }

  /** The services seen logging times finer than a second. */
  public Set<String> preciseServices() {
    return Collections.unmodifiableSet(precise);
  }

  /** Puts back a service seen logging times finer than a second, as it was checkpointed. */
  public void restorePrecise(String service) {
    precise.add(service);
  }

  /** Puts back the open window as it was checkpointed. */
  public void restoreWindow(long start, Map<String, ServiceHops> hops) {
    windowStart = start;
    services.clear();
    services.putAll(hops);
  }
}
