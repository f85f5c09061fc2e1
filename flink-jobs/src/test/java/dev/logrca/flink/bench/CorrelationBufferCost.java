package dev.logrca.flink.bench;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.TestRecords;
import dev.logrca.flink.correlate.ClassifiedEvent;
import dev.logrca.flink.correlate.CorrelationFunction;
import dev.logrca.flink.correlate.RuleSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/**
 * What the correlation operator's buffer costs per input when the watermark lags: {@code RATE}
 * lines per second of event time flow into one scope while the watermark stays {@code LAG} seconds
 * behind the newest line, so about RATE x LAG inputs wait at every one-second tick (the Kafka
 * bench's backlog: 275 lines per second of event time at 10,000 lines/s, 17-170 s of lag). Runs the
 * real function in Flink's operator harness (heap state), optionally with a checkpoint every {@code
 * EVERY} ticks (the heap backend then copies the buffer on its next change), and prints the
 * microseconds per input of each round. Uses only public classes, so the same class runs against an
 * older jar for a before/after: {@code java -cp JAR:flink-jobs/target/test-classes:DEPS
 * dev.logrca.flink.bench.CorrelationBufferCost RATE LAG SECONDS ROUNDS [EVERY]}.
 */
public final class CorrelationBufferCost {
  private static final long T0 = 1_795_773_600_000L;
  private static final String[] SERVICES = {"checkout", "payment", "inventory", "frontend"};

  private CorrelationBufferCost() {}

  public static void main(String[] args) throws Exception {
    int rate = Integer.parseInt(args[0]);
    int lag = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int every = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    List<ClassifiedEvent> inputs = inputs(rate, seconds);
    System.out.printf(
        "%,d lines over %d s of event time, %d per s, watermark %d s behind, checkpoint every %s"
            + " ticks%n",
        inputs.size(), seconds, rate, lag, every == 0 ? "no" : every);
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      int incidents = run(inputs, lag, every);
      double micros = (System.nanoTime() - start) / 1000.0 / inputs.size();
      System.out.printf(
          "round %d: %.1f us per input (%d incident updates)%n", round, micros, incidents);
    }
  }

  /** Healthy lines from a few services, one every 1000/rate ms, with a sparse error among them. */
  private static List<ClassifiedEvent> inputs(int rate, int seconds) {
    List<ClassifiedEvent> inputs = new ArrayList<>();
    long n = 0;
    for (long i = 0; i < (long) rate * seconds; i++) {
      String service = SERVICES[(int) (i % SERVICES.length)];
      long at = T0 + i * 1000 / rate;
      boolean error = i % 997 == 0;
      LogEvent e =
          TestRecords.event(
              service,
              ++n,
              at,
              error ? Level.ERROR : Level.INFO,
              error ? "upstream call failed: connection refused" : "request served in 12 ms");
      inputs.add(ClassifiedEvent.of(e));
    }
    return inputs;
  }

  private static int run(List<ClassifiedEvent> inputs, int lagSeconds, int every) throws Exception {
    Topology topology =
        new Topology().addCall("frontend", "checkout").addCall("checkout", "payment");
    try (var h =
        new KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident>(
            new KeyedCoProcessOperator<>(new CorrelationFunction(new RuleSource(null), topology)),
            e -> "default",
            a -> "default",
            Types.STRING)) {
      h.open();
      long lag = lagSeconds * 1000L;
      long watermark = Long.MIN_VALUE;
      long checkpoint = 0;
      for (ClassifiedEvent input : inputs) {
        long at = input.event().timestamp();
        h.processElement1(input, at);
        long next = at - lag - Math.floorMod(at - lag, 1000);
        if (next > watermark) {
          watermark = next;
          h.processBothWatermarks(new Watermark(watermark));
          if (every > 0 && (watermark / 1000) % every == 0) {
            h.snapshot(++checkpoint, watermark);
          }
        }
      }
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      return h.extractOutputValues().size();
    }
  }
}
