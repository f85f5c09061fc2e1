package dev.logrca.rules.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.rules.fact.AnomalyFact;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
  @Test
  void aDatastoresOwnStatementTimingsAreStatements() {
    for (String template :
        List.of(
            "duration: <*> ms  execute <unnamed>: SELECT available FROM stock WHERE sku = $1",
            "duration: 1021.337 ms  statement: UPDATE accounts SET balance = balance - 1",
            "duration: <*> ms bind S_1: SELECT 1",
            "# Query_time: <*>  Lock_time: <*> Rows_sent: <*>  Rows_examined: <*>",
            "Slow query",
            "[index.search.slowlog.query] [orders][0] took[<*>], took_millis[<*>]")) {
      assertThat(Timings.of(template)).as(template).isEqualTo(Timings.STATEMENT);
    }
  }

  @Test
  void requestAndCallTimingsAreRequests() {
    for (String template :
        List.of(
            "Completed <*> OK in <*>",
            "\"GET <*>\" <*> <*> \"-\" \"<*>\" rt=<*> urt=<*>",
            "payment authorized",
            "Reserved <*> x <*> for order <*> in <*> ms",
            // PostgreSQL's own duration of something that is no statement
            "checkpoint complete: wrote <*> buffers; write=<*> s, sync=<*> s",
            "query served in <*> ms, slow queries so far: <*>")) {
      assertThat(Timings.of(template)).as(template).isEqualTo(Timings.REQUEST);
    }
    assertThat(Timings.of(null)).isNull();
  }

  @Test
  void onlyALatencyShiftSaysWhatItTimes() {
    String template = "duration: <*> ms  execute <unnamed>: SELECT 1";
    assertThat(new AnomalyFact(anomaly(AnomalyKind.LATENCY_SHIFT, template)).getTimed())
        .isEqualTo(Timings.STATEMENT);
    assertThat(new AnomalyFact(anomaly(AnomalyKind.TEMPLATE_SURGE, template)).getTimed()).isNull();
  }

  private static Anomaly anomaly(AnomalyKind kind, String template) {
    return new Anomaly(
        "a", "postgres", kind, 0, 30_000, "postgres:1", template, 0.8, 250, 2.5, null);
  }
}
