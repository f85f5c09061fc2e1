package dev.logrca.core.detect;

import static dev.logrca.core.model.LogRecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggedDurationTest {
  private static double millis(String template, String... parameters) {
    return LoggedDuration.millisOf(event(template, List.of(parameters), Map.of()));
  }

  private static double fields(Map<String, String> attributes) {
    return LoggedDuration.millisOf(event("payment authorized", List.of(), attributes));
  }

  private static LogEvent event(String template, List<String> params, Map<String, String> attrs) {
    LogRecord record =
        record()
            .eventId("id")
            .source("x.log")
            .service("x")
            .level(Level.INFO)
            .message(template)
            .attributes(attrs)
            .build();
    return new LogEvent(record, "x:1", template, params, false);
  }

  @Test
  void readsANumberTheTemplateFollowsWithAUnit() {
    // PostgreSQL log_min_duration_statement, a Spring "in N ms", a checkpoint in seconds
    assertThat(millis("duration: <*> ms  execute <unnamed>: SELECT 1", "222.151"))
        .isEqualTo(222.151);
    assertThat(millis("Reserved <*> x <*> for order <*> in <*> ms", "2", "SKU-1", "4810", "5"))
        .isEqualTo(5);
    assertThat(millis("checkpoint complete: write=<*> s, sync=<*> s", "23.4", "0.1"))
        .isEqualTo(23_400);
    assertThat(millis("request took <*> microseconds", "10")).isCloseTo(0.01, within(1e-9));
    assertThat(millis("waited <*> us", "250")).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void readsAValueWithItsOwnUnit() {
    assertThat(millis("Completed <*> OK in <*>", "200", "45ms")).isEqualTo(45);
    assertThat(millis("GET /api <*> <*>", "200", "1.5s")).isEqualTo(1_500);
    assertThat(millis("sync took <*>", "300µs")).isCloseTo(0.3, within(1e-9));
  }

  @Test
  void readsANumberAfterAKeyThatNamesADuration() {
    // nginx's request and upstream times are seconds
    assertThat(millis("\"GET <*>\" <*> <*> rt=<*> urt=<*>", "/", "200", "512", "0.281", "0.279"))
        .isEqualTo(281);
    assertThat(millis("done duration_ms=<*>", "188")).isEqualTo(188);
    assertThat(millis("done elapsedMs: <*>", "42")).isEqualTo(42);
    assertThat(millis("search took[<*>]", "12ms")).isEqualTo(12);
    // no unit anywhere: a fraction reads as seconds (zap), a whole number as milliseconds
    assertThat(millis("done latency=<*>", "0.25")).isEqualTo(250);
    assertThat(millis("done took: <*>", "37")).isEqualTo(37);
    // MySQL's slow query log, Elasticsearch's slow log
    assertThat(millis("# Query_time: <*>  Lock_time: <*>", "2.000123", "0.000051"))
        .isCloseTo(2000.123, within(1e-6));
    assertThat(millis("[index.search.slowlog.query] took[<*>], took_millis[<*>]", "1.2s", "1200"))
        .isEqualTo(1_200);
  }

  @Test
  void ignoresNumbersThatAreNoDuration() {
    assertThat(millis("connection received: host=<*> port=<*>", "10.0.1.9", "47290")).isNaN();
    assertThat(millis("\"GET <*>\" <*> <*> \"-\"", "/", "200", "19291")).isNaN();
    assertThat(millis("Starting service v<*>", "2.14.1")).isNaN();
    assertThat(millis("retrying in <*> sessions", "3")).isNaN();
    assertThat(millis("order <*> placed", "481491")).isNaN();
    assertThat(millis("no variable here")).isNaN();
  }

  @Test
  void readsAStructuredLinesDurationField() {
    assertThat(fields(Map.of("duration_ms", "188", "order_id", "481481"))).isEqualTo(188);
    assertThat(fields(Map.of("latency", "1.2s"))).isEqualTo(1_200);
    assertThat(fields(Map.of("attr.durationMillis", "950"))).isEqualTo(950);
    assertThat(fields(Map.of("request_time", "0.004"))).isEqualTo(4);
    assertThat(fields(Map.of("timeout", "30s", "amount", "46.54"))).isNaN();
    // two of them: the one with the least name, whatever order the map keeps
    assertThat(fields(Map.of("took", "5", "duration_ms", "9", "latency", "7"))).isEqualTo(9);
  }

  @Test
  void theTemplateComesBeforeTheFields() {
    LogEvent e =
        event("served in <*> ms", List.of("12"), Map.of("duration_ms", "900", "status", "200"));
    assertThat(LoggedDuration.millisOf(e)).isEqualTo(12);
  }
}
