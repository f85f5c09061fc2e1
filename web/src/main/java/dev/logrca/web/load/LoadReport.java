package dev.logrca.web.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What a load run saw: throughput, latency percentiles overall and per kind, status counts. */
public final class LoadReport {
  private final int clients;
  private final Duration took;
  private final Tally tally;

  LoadReport(int clients, Duration took, Tally tally) {
    this.clients = clients;
    this.took = took;
    this.tally = tally;
  }

  /** Requests answered with a 5xx status or not answered at all. */
  public long failures() {
    return tally.statuses.entrySet().stream()
        .filter(e -> e.getKey().startsWith("5") || e.getKey().equals("io-error"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** The total number of requests sent. */
  public long requests() {
    return tally.count;
  }

  /** Prints the report for a person. */
  public void print(PrintWriter out) {
    double seconds = took.toNanos() / 1e9;
    out.printf(
        Locale.ROOT,
        "%d clients for %.1f s: %d requests, %.0f requests/s%n",
        clients,
        seconds,
        tally.count,
        tally.count / seconds);
    out.println("latency ms        p50      p90      p99      max   requests");
    line(out, "all", tally.all());
    for (Map.Entry<LoadMix.Kind, long[]> kind : tally.kinds().entrySet()) {
      line(out, kind.getKey().name().toLowerCase(Locale.ROOT), kind.getValue());
    }
    out.println("status counts: " + tally.statuses);
    tally.statusesByKind.forEach(
        (kind, counts) -> out.println("  " + kind.name().toLowerCase(Locale.ROOT) + ": " + counts));
    if (!tally.reasons.isEmpty()) {
      out.println("why not 200 (count, kind, status, reason, first request):");
      tally.reasons.forEach(
          (reason, n) -> {
            out.printf(Locale.ROOT, "  %6d %s%n", n, reason);
            String example = tally.examples.get(reason);
            if (example != null) {
              out.println("         e.g. /" + example);
            }
          });
    }
    out.flush();
  }

  private static void line(PrintWriter out, String name, long[] nanos) {
    Arrays.sort(nanos);
    out.printf(
        Locale.ROOT,
        "  %-12s %8.1f %8.1f %8.1f %8.1f %10d%n",
        name,
        ms(percentile(nanos, 0.50)),
        ms(percentile(nanos, 0.90)),
        ms(percentile(nanos, 0.99)),
        ms(nanos.length == 0 ? 0 : nanos[nanos.length - 1]),
        nanos.length);
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** One client's (or all clients') latencies per kind and status counts. */
  static final class Tally {
    private static final int MAX_REASONS = 20;

    private final Map<LoadMix.Kind, long[]> latencies = new EnumMap<>(LoadMix.Kind.class);
    private final Map<LoadMix.Kind, Integer> sizes = new EnumMap<>(LoadMix.Kind.class);
    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<LoadMix.Kind, Map<String, Long>> statusesByKind =
        new EnumMap<>(LoadMix.Kind.class);
    private final Map<String, Long> reasons = new TreeMap<>();
    private final Map<String, String> examples = new TreeMap<>();
    private long count;

    /** Records the answer to one call; {@code reason} is the error's, null for a 2xx. */
    void record(LoadMix.Call call, String status, long nanos, String reason) {
      LoadMix.Kind kind = call.kind();
      record(kind, status, nanos);
      statusesByKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1L, Long::sum);
      if (reason != null) {
        String key = kind.name().toLowerCase(Locale.ROOT) + " " + status + " " + reason;
        // distinct reasons are few unless they carry numbers; keep the report short either way
        if (reasons.containsKey(key) || reasons.size() < MAX_REASONS) {
          reasons.merge(key, 1L, Long::sum);
          examples.putIfAbsent(key, call.path());
        } else {
          reasons.merge("(other reasons)", 1L, Long::sum);
        }
      }
    }

    private void record(LoadMix.Kind kind, String status, long nanos) {
      long[] l = latencies.computeIfAbsent(kind, k -> new long[1024]);
      int n = sizes.getOrDefault(kind, 0);
      if (n == l.length) {
        l = Arrays.copyOf(l, n * 2);
        latencies.put(kind, l);
      }
      l[n] = nanos;
      sizes.put(kind, n + 1);
      statuses.merge(status, 1L, Long::sum);
      count++;
    }

    void add(Tally other) {
      for (Map.Entry<LoadMix.Kind, long[]> e : other.kinds().entrySet()) {
        for (long nanos : e.getValue()) {
          record(e.getKey(), "", nanos);
        }
      }
      statuses.remove("");
      // the counts above went in with a blank status; put the real ones in instead
      other.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
      other.statusesByKind.forEach(
          (kind, counts) ->
              counts.forEach(
                  (status, n) ->
                      statusesByKind
                          .computeIfAbsent(kind, k -> new TreeMap<>())
                          .merge(status, n, Long::sum)));
      other.reasons.forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
      other.examples.forEach(examples::putIfAbsent);
    }

    Map<LoadMix.Kind, long[]> kinds() {
      Map<LoadMix.Kind, long[]> trimmed = new EnumMap<>(LoadMix.Kind.class);
      latencies.forEach((k, l) -> trimmed.put(k, Arrays.copyOf(l, sizes.get(k))));
      return trimmed;
    }

    long[] all() {
      return kinds().values().stream().flatMapToLong(Arrays::stream).toArray();
    }
  }
}
