package dev.logrca.flink.bench;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.topology.TopologyInference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the correlation's per-checkpoint copy of a scope's topology inference costs ({@link
 * TopologyInference#copy}, taken in the task thread when {@code correlation-scopes} is
 * snapshotted): the recent-trace memory is filled (50,000 traces by default), then {@code ROUNDS}
 * times {@code LINES} more traced lines arrive (new traces and lines of the newest 2,000 traces
 * again, as a 2 s checkpoint interval sees at 10,000 lines/s) and the inference is copied. Prints
 * the median and the worst copy in milliseconds, and the time of the lines between copies. Uses
 * only public classes, so it runs against an older jar too: {@code java -cp
 * JAR:flink-jobs/target/test-classes dev.logrca.flink.bench.InferenceCopyCost [LINES] [ROUNDS]}.
 */
public final class InferenceCopyCost {
  private static final String[] SERVICES = {"gateway", "checkout", "payment", "inventory"};
  private static final long T0 = 1_795_773_600_000L;

  private InferenceCopyCost() {}

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    TopologyInference inference = new TopologyInference();
    long n = 0;
    for (int trace = 0; trace < TopologyInference.DEFAULT_MAX_TRACES; trace++) {
      for (String service : SERVICES) {
        inference.observe(line(service, "t" + trace, n++));
      }
    }
    long[] copies = new long[rounds];
    long linesNanos = 0;
    int nextTrace = TopologyInference.DEFAULT_MAX_TRACES;
    List<TopologyInference> kept = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < lines; i++) {
        // half the lines open new traces, half come back to trace ids among the newest 2,000
        int trace = i % 2 == 0 ? nextTrace++ / 4 * 4 : nextTrace - 1 - (i * 7 % 2_000);
        inference.observe(line(SERVICES[i % SERVICES.length], "t" + trace, n++));
      }
      long copyStart = System.nanoTime();
      linesNanos += copyStart - start;
      kept.add(inference.copy());
      copies[round] = System.nanoTime() - copyStart;
      if (kept.size() > 2) {
        kept.remove(0); // a checkpoint's copy lives until its state is written
      }
    }
    long[] sorted = copies.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "copy of %,d traces after %,d lines: median %.1f ms, max %.1f ms (last half: median %.1f"
            + " ms); lines between copies %.2f us each%n",
        TopologyInference.DEFAULT_MAX_TRACES,
        lines,
        sorted[rounds / 2] / 1e6,
        sorted[rounds - 1] / 1e6,
        median(copies, rounds / 2) / 1e6,
        linesNanos / 1e3 / ((double) lines * rounds));
  }

  private static long median(long[] copies, int from) {
    long[] half = Arrays.copyOfRange(copies, from, copies.length);
    Arrays.sort(half);
    return half[half.length / 2];
  }

  private static LogEvent line(String service, String traceId, long n) {
    LogRecord record =
        new LogRecord(
            service + ":" + n,
            service + ".log",
            n,
            T0 + n,
            false,
            service,
            null,
            Level.INFO,
            null,
            traceId,
            "request served",
            "request served",
            Map.of(),
            null);
    return new LogEvent(record, service + ":1", "request served", List.of(), false);
  }
}
