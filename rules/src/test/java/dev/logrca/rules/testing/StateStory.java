package dev.logrca.rules.testing;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.continuation;
import static dev.logrca.rules.testing.Lines.line;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.correlate.CorrelationEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * An outage told to a correlation engine so that its state holds something of every kind when the
 * story pauses: a configured catalogue and a learned call graph, hosts and addresses, live and
 * folded facts, an open reported incident, a stack trace still held, the lines of the current
 * second not yet handed to the rules, and an anomaly not yet grouped. Checkpoint formats are tested
 * on it.
 *
 * <p>Frozen: {@code flink-jobs}' fixture {@code correlate/scope-state-b59a367.bin} was written from
 * {@link #untilPause} and its expected incidents from {@link #afterPause}. A change to either makes
 * that fixture's test fail; write a new story instead.
 */
public final class StateStory {
  private StateStory() {}

  /** A new engine, told the story up to the pause; the incidents it reported go to {@code out}. */
  public static CorrelationEngine untilPause(CompiledRules rules, List<Incident> out) {
    Topology catalogue = new Topology().addService("checkout").addService("payment");
    CorrelationEngine engine =
        new CorrelationEngine(rules, catalogue, CorrelationConfig.defaults());
    engine.observeTopology(
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres"));
    for (int s = 0; s < 60; s += 10) {
      engine.onEvent(line("checkout", s, Level.INFO, "GET /cart 200"));
      engine.onEvent(
          line("payment", s + 1, Level.INFO, "pool connected to postgres/10.4.7.17:5432"));
      engine.onEvent(line("postgres", s + 2, Level.INFO, "listening on 10.4.7.17"));
    }
    engine.onEvent(line("postgres", 61, Level.FATAL, "the database system is shutting down"));
    for (int s = 62; s < 90; s += 3) {
      // three lines a second that rules cannot tell apart: folded into one fact each second
      for (int k = 0; k < 3; k++) {
        engine.onEvent(
            line(
                "payment",
                s + k * 0.1,
                Level.ERROR,
                "dial tcp 10.4.7.17:5432: connection refused"));
      }
      out.addAll(engine.advanceTo(at(s + 1)));
    }
    engine.onAnomaly(anomaly("payment", AnomalyKind.ERROR_SURGE, 60, 0.95));
    out.addAll(engine.advanceTo(at(95)));
    LogEvent head =
        line("checkout", 96, Level.ERROR, "java.lang.IllegalStateException: payment call failed");
    engine.onEvent(head);
    LogEvent frame = continuation(head, "\tat shop.Checkout.pay(Checkout.java:42)");
    engine.onEvent(frame);
    engine.onEvent(continuation(frame, "Caused by: java.net.ConnectException: Connection refused"));
    for (int k = 0; k < 4; k++) {
      engine.onEvent(
          line(
              "payment", 97 + k * 0.2, Level.ERROR, "dial tcp 10.4.7.17:5432: connection refused"));
    }
    engine.onAnomaly(anomaly("checkout", AnomalyKind.ERROR_SURGE, 90, 0.92, head));
    engine.onEvent(line("payment", 97.9, Level.WARN, "retrying payment 7 after 200ms", true));
    return engine;
  }

  /** Goes on from the pause to the end of the story; the incidents reported go to {@code out}. */
  public static void afterPause(CorrelationEngine engine, List<Incident> out) {
    for (int s = 98; s < 130; s += 2) {
      engine.onEvent(
          line("payment", s, Level.ERROR, "dial tcp 10.4.7.17:5432: connection refused"));
      engine.onEvent(
          line("checkout", s + 1, Level.ERROR, "POST /checkout 502: payment returned an error"));
      out.addAll(engine.advanceTo(at(s + 1.5)));
    }
    engine.onEvent(
        line("postgres", 130, Level.INFO, "database system is ready to accept connections"));
    out.addAll(engine.advanceTo(at(900)));
    out.addAll(engine.finish());
  }

  /** The incidents of the whole story told without a pause. */
  public static List<Incident> uninterrupted(CompiledRules rules) {
    List<Incident> out = new ArrayList<>();
    CorrelationEngine engine = untilPause(rules, out);
    afterPause(engine, out);
    engine.close();
    return out;
  }
}
