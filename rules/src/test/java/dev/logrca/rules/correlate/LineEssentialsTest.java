package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.continuation;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.LogRecordBuilder;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The engine concludes from a line's essentials what it concludes from the whole line. */
class LineEssentialsTest {

  /** {@code event} as a structured line: raw JSON, fields beside the message, parameters. */
  private static LogEvent structured(LogEvent event, Map<String, String> attributes) {
    LogRecord r = event.record();
    LogRecord record =
        LogRecordBuilder.from(r)
            .logger("handler.go:88")
            .traceId("trace-" + r.line() % 7)
            .raw("{\"msg\":\"" + r.message() + "\",\"order_id\":" + r.line() + "}")
            .attributes(attributes)
            .decodeError(null)
            .build();
    return new LogEvent(record, event.templateId(), event.template(), List.of("7", "x"), false);
  }

  private static List<LogEvent> story() {
    List<LogEvent> lines = new ArrayList<>();
    for (int s = 0; s < 60; s += 5) {
      lines.add(
          structured(
              line("checkout", s, Level.INFO, "GET /cart 200 in 12ms"), Map.of("order_id", "1")));
      lines.add(line("payment", s + 1, Level.WARN, "slow charge for order " + s));
    }
    lines.add(line("postgres", 61, Level.FATAL, "the database system is shutting down"));
    LogEvent head = line("payment", 62, Level.ERROR, "Charge failed for order 7");
    lines.add(head);
    lines.add(
        continuation(
            head, "org.postgresql.util.PSQLException: Connection to postgres:5432 refused."));
    for (int s = 63; s < 120; s += 3) {
      // the reason is only in the error field, as zap writes it
      lines.add(
          structured(
              line("payment", s, Level.ERROR, "charge failed"),
              Map.of(
                  "error",
                  "dial tcp 10.0.0.5:5432: connect: connection refused",
                  "amount",
                  "12.50")));
      lines.add(line("checkout", s + 1, Level.ERROR, "POST /pay returned 503 Service Unavailable"));
    }
    return lines;
  }

  private static List<String> play(UnaryOperator<LogEvent> handOver) {
    CorrelationEngine engine =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    List<Incident> out = new ArrayList<>();
    long second = Long.MIN_VALUE;
    for (LogEvent event : story()) {
      if (event.timestamp() / 1000 > second && second != Long.MIN_VALUE) {
        out.addAll(engine.advanceTo(second * 1000 + 999));
      }
      second = event.timestamp() / 1000;
      engine.onEvent(handOver.apply(event));
    }
    out.addAll(engine.advanceTo(at(130)));
    out.addAll(engine.finish());
    engine.close();
    return out.stream().map(IncidentJson::write).toList();
  }

  @Test
  void theEssentialsConcludeWhatTheWholeLinesConclude() {
    List<String> whole = play(UnaryOperator.identity());
    assertThat(whole).isNotEmpty();
    assertThat(whole.get(whole.size() - 1)).contains("payment").contains("postgres");
    assertThat(play(LineEssentials::of)).isEqualTo(whole);
  }

  @Test
  void keepsTheErrorFieldsAndDropsTheRawLineTheOtherFieldsAndTheParameters() {
    LogEvent event =
        structured(
            line("payment", 1, Level.ERROR, "charge failed"),
            Map.of("error.message", "connection refused", "err", "EOF", "amount", "12.50"));
    LogEvent kept = LineEssentials.of(event);
    assertThat(kept.record().attributes())
        .isEqualTo(Map.of("error.message", "connection refused", "err", "EOF"));
    assertThat(kept.record().raw()).isNull();
    assertThat(kept.parameters()).isEmpty();
    assertThat(kept.record())
        .usingRecursiveComparison()
        .ignoringFields("raw", "attributes")
        .isEqualTo(event.record());
    assertThat(kept)
        .usingRecursiveComparison()
        .ignoringFields("record", "parameters")
        .isEqualTo(event);
  }
}
