package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.continuation;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.signature.Signatures;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Lines that arrive with their signatures (found once, upstream) are not matched again by the
 * engine, and give the same incidents as lines the engine matches itself; only a multi-line event,
 * whose signatures come from all of its lines, is matched as a whole.
 */
class ClassifiedLinesTest {

  /** A cascade with a stack trace, routine traffic, warnings and an anomaly. */
  private static List<LogEvent> story() {
    List<LogEvent> lines = new ArrayList<>();
    for (int s = 0; s < 60; s += 5) {
      lines.add(line("checkout", s, Level.INFO, "GET /cart 200 in 12ms"));
      lines.add(line("payment", s + 1, Level.WARN, "slow charge for order " + s));
    }
    lines.add(line("postgres", 61, Level.FATAL, "the database system is shutting down"));
    LogEvent head = line("payment", 62, Level.ERROR, "Charge failed for order 7");
    lines.add(head);
    lines.add(
        continuation(
            head, "org.postgresql.util.PSQLException: Connection to postgres:5432 refused."));
    lines.add(continuation(head, "\tat org.postgresql.Driver.connect(Driver.java:285)"));
    for (int s = 63; s < 120; s += 3) {
      lines.add(line("payment", s, Level.ERROR, "Connection to postgres:5432 refused"));
      lines.add(line("checkout", s + 1, Level.ERROR, "POST /pay returned 503 Service Unavailable"));
    }
    return lines;
  }

  private static List<String> play(boolean classified, AtomicInteger matched) {
    CorrelationEngine engine =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    engine.signatures =
        text -> {
          matched.incrementAndGet();
          return Signatures.find(text);
        };
    List<Incident> out = new ArrayList<>();
    long second = Long.MIN_VALUE;
    for (LogEvent event : story()) {
      if (event.timestamp() / 1000 > second && second != Long.MIN_VALUE) {
        out.addAll(engine.advanceTo(second * 1000 + 999));
      }
      second = event.timestamp() / 1000;
      Set<String> signals = classified ? Signatures.find(event.message()) : null;
      engine.onEvent(event, signals);
    }
    engine.onAnomaly(anomaly("payment", AnomalyKind.ERROR_SURGE, 60, 0.95));
    out.addAll(engine.advanceTo(at(130)));
    out.addAll(engine.finish());
    engine.close();
    return out.stream().map(IncidentJson::write).toList();
  }

  @Test
  void signaturesThatCameWithTheLineAreNotMatchedAgainAndConcludeTheSame() {
    AtomicInteger matchedItself = new AtomicInteger();
    List<String> itself = play(false, matchedItself);
    AtomicInteger matchedClassified = new AtomicInteger();
    List<String> classified = play(true, matchedClassified);

    assertThat(itself).isNotEmpty();
    assertThat(classified).isEqualTo(itself);
    // every event that is not absorbed into a trace is judged, and was matched by the engine
    int events = story().size() - 2;
    assertThat(matchedItself.get()).isEqualTo(events);
    // with classified lines only the stack trace, judged as a whole, is matched again
    assertThat(matchedClassified.get()).isEqualTo(1);
  }
}
