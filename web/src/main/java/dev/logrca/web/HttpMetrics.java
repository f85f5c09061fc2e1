package dev.logrca.web;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests answered per route and status, and their latency per route as a Prometheus histogram;
 * written out in the Prometheus text format by {@link #write(StringBuilder)}.
 */
final class HttpMetrics {
  private static final double[] BOUNDS_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5};

  private final Map<String, LongAdder> answered = new ConcurrentHashMap<>();
  private final Map<String, Latency> latency = new ConcurrentHashMap<>();

  /** The route a path is counted under: ids are folded so the label set stays small. */
  static String route(String path) {
    if (path.startsWith("/api/incidents/")) {
      return path.endsWith("/explain") ? "/api/incidents/{id}/explain" : "/api/incidents/{id}";
    }
    if (path.startsWith("/api/") || path.equals("/health") || path.equals("/metrics")) {
      return path.length() > 40 || !path.matches("[a-z/._]+") ? "/api/other" : path;
    }
    return "console";
  }

  void record(String route, int status, long nanos) {
    answered.computeIfAbsent(route + "\u0000" + status, k -> new LongAdder()).increment();
    latency.computeIfAbsent(route, k -> new Latency()).add(nanos);
  }

  void write(StringBuilder out) {
    out.append("# HELP logrca_http_requests_total HTTP requests answered, by route and status.\n");
    out.append("# TYPE logrca_http_requests_total counter\n");
    new TreeMap<>(answered)
        .forEach(
            (key, count) -> {
              String[] parts = key.split("\u0000");
              out.append("logrca_http_requests_total{route=\"")
                  .append(parts[0])
                  .append("\",status=\"")
                  .append(parts[1])
                  .append("\"} ")
                  .append(count.sum())
                  .append('\n');
            });
    out.append("# HELP logrca_http_request_seconds Time to answer a request, by route.\n");
    out.append("# TYPE logrca_http_request_seconds histogram\n");
    new TreeMap<>(latency).forEach((route, l) -> l.write(route, out));
  }

  /** One route's latency histogram. */
  private static final class Latency {
    private final LongAdder[] buckets = new LongAdder[BOUNDS_SECONDS.length];
    private final LongAdder count = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    Latency() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void add(long took) {
      count.increment();
      nanos.add(took);
      double seconds = took / 1e9;
      for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
        if (seconds <= BOUNDS_SECONDS[i]) {
          buckets[i].increment();
          return;
        }
      }
    }

    void write(String route, StringBuilder out) {
      long cumulative = 0;
      for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
        cumulative += buckets[i].sum();
        line(
            out, "_bucket", route, String.format(Locale.ROOT, "%s", BOUNDS_SECONDS[i]), cumulative);
      }
      line(out, "_bucket", route, "+Inf", count.sum());
      out.append("logrca_http_request_seconds_sum{route=\"")
          .append(route)
          .append("\"} ")
          .append(String.format(Locale.ROOT, "%.6f", nanos.sum() / 1e9))
          .append('\n');
      out.append("logrca_http_request_seconds_count{route=\"")
          .append(route)
          .append("\"} ")
          .append(count.sum())
          .append('\n');
    }

    private static void line(StringBuilder out, String suffix, String route, String le, long n) {
      out.append("logrca_http_request_seconds")
          .append(suffix)
          .append("{route=\"")
          .append(route)
          .append("\",le=\"")
          .append(le)
          .append("\"} ")
          .append(n)
          .append('\n');
    }
  }
}
