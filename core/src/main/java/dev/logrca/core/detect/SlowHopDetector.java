package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.topology.GapSketch;
import dev.logrca.core.topology.HopLatencyConfig;
import dev.logrca.core.topology.ServiceHops;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds, in one window, the service where requests wait: its hops in and out take many times longer
 * than the other services' hops of the same window, which needs no baseline from earlier windows. A
 * hop into a healthy service takes a network round trip and a scheduler slot whatever the service
 * then does, so a slow service that is busy with its database shows slow exits or slow own work but
 * quick entries; both entries and exits slow is a service that cannot take requests in or hand them
 * back in time.
 */
public final class SlowHopDetector {
  private SlowHopDetector() {}

  /** The anomalies of the window {@code [start, end)} whose hops are {@code services}. */
  public static List<Anomaly> judge(
      HopLatencyConfig config, long start, long end, Map<String, ServiceHops> services) {
    List<Anomaly> found = new ArrayList<>();
    services.forEach(
        (service, hops) -> {
          Anomaly a = judgeOne(config, start, end, service, hops, services);
          if (a != null) {
            found.add(a);
          }
        });
    return found;
  }

  private static Anomaly judgeOne(
      HopLatencyConfig config,
      long start,
      long end,
      String service,
      ServiceHops hops,
      Map<String, ServiceHops> all) {
    if (hops.entries().count() < config.minHops()
        || hops.exits().count() < config.minHops()
        || hops.callers().size() < config.minCallers()) {
      return null;
    }
    double usualIn = peerMedian(config, service, all, ServiceHops::entries, 0.5);
    double usualOut = peerMedian(config, service, all, ServiceHops::exits, 0.5);
    if (Double.isNaN(usualIn) || Double.isNaN(usualOut)) {
      return null;
    }
    double in = hops.entries().median();
    double out = hops.exits().median();
    if (in < Math.max(config.entryFloorMillis(), config.factor() * usualIn)
        || out < Math.max(config.exitFloorMillis(), config.factor() * usualOut)) {
      return null;
    }
    double usualWork = peerMedian(config, service, all, ServiceHops::work, 0.9);
    double work = hops.work().quantile(0.9);
    boolean slowWork =
        hops.work().count() >= config.minHops()
            && !Double.isNaN(usualWork)
            && work >= Math.max(config.workFloorMillis(), config.workFactor() * usualWork);
    AnomalyKind kind = slowWork ? AnomalyKind.SLOW_HOPS_AND_WORK : AnomalyKind.SLOW_HOPS;
    // one millisecond is the finest a log time tells apart
    double ratio = in / Math.max(usualIn, 1);
    double score = Math.min(0.99, Math.log10(ratio) / 4);
    String summary =
        String.format(
            Locale.ROOT,
            "hops into %s median %.0f ms (p90 %.0f ms, %d hops from %d callers), out median %.0f ms;"
                + " other services' hops median %.1f ms in, %.1f ms out; own gaps p90 %.0f ms"
                + " against %.1f ms",
            service,
            in,
            hops.entries().quantile(0.9),
            hops.entries().count(),
            hops.callers().size(),
            out,
            usualIn,
            usualOut,
            work,
            Double.isNaN(usualWork) ? 0 : usualWork);
    List<Evidence> evidence = hops.slowest().stream().map(ServiceHops.SlowEntry::line).toList();
    return new Anomaly(
        Anomaly.idOf(service, kind, start, null),
        service,
        kind,
        start,
        end,
        null,
        summary,
        score,
        in,
        usualIn,
        evidence);
  }

  /**
   * The median, over the other services with enough gaps, of their {@code q} quantile of the gaps
   * {@code which} picks; NaN when fewer than {@code minPeers} services qualify.
   */
  private static double peerMedian(
      HopLatencyConfig config,
      String service,
      Map<String, ServiceHops> all,
      Function<ServiceHops, GapSketch> which,
      double q) {
    List<Double> values = new ArrayList<>();
    all.forEach(
        (other, hops) -> {
          GapSketch gaps = which.apply(hops);
          if (!other.equals(service) && gaps.count() >= config.minPeerHops()) {
            values.add(gaps.quantile(q));
          }
        });
    if (values.size() < config.minPeers()) {
      return Double.NaN;
    }
    values.sort(null);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }
}
