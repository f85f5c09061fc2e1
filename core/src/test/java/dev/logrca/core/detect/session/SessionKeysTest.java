package dev.logrca.core.detect.session;

import static dev.logrca.core.model.LogRecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import org.junit.jupiter.api.Test;

class SessionKeysTest {
  private static LogRecord line(String raw, String traceId) {
    return record()
        .eventId("e")
        .source("f")
        .service("svc")
        .host("h")
        .level(Level.INFO)
        .traceId(traceId)
        .message(raw)
        .build();
  }

  private static String usual(String raw) {
    return SessionKeys.usual().keyOf(line(raw, null));
  }

  @Test
  void readsTheUsualShapesOfTraceIdsInText() {
    assertThat(
            usual(
                "2021-07-12 10:00:00.123 INFO [ts-order-service,ts-order-service-5d9f,"
                    + "9c1e8a3f.42.16260,15,0] [SW_CTX:[ts-order-service,inst-1,"
                    + "9c1e8a3f.42.16260,9c1e8a3f.42.16261,0]] order created"))
        .isEqualTo("9c1e8a3f.42.16260");
    assertThat(usual("GET /cart TraceID: 4bf92f3577b34da6a3ce929d0e0e4736 ok"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(usual("traceparent: 00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .isNull(); // W3C ids are lower case: an upper-case one is not a traceparent
    assertThat(usual("traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(usual("otel trace_id=4BF92F3577B34DA6A3CE929D0E0E4736 span_id=00f067aa0ba902b7"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(usual("INFO [checkout,5f2a9c1e8b7d6a4f,1a2b3c4d5e6f7a8b] paid"))
        .isEqualTo("5f2a9c1e8b7d6a4f");
    assertThat(usual("Receiving block blk_-1608999687919862906 src: /10.250.19.102:54106"))
        .isEqualTo("blk_-1608999687919862906");
    assertThat(usual("handled request_id=req-7f3a9b path=/pay")).isEqualTo("req-7f3a9b");
    assertThat(usual("nothing to group by here")).isNull();
  }

  @Test
  void aTraceIdTheDecoderFoundWinsOverText() {
    assertThat(SessionKeys.usual().keyOf(line("blk_42 moved", "abc123"))).isEqualTo("abc123");
  }

  @Test
  void anOperatorsPatternComesFirstAndUsesItsFirstGroup() {
    SessionKeys keys = SessionKeys.matching("job=(\\w+)");
    assertThat(keys.keyOf(line("job=nightly step 3 blk_42", "abc"))).isEqualTo("nightly");
    assertThat(keys.keyOf(line("no job here blk_42", "abc"))).isNull();
    assertThat(SessionKeys.matching("R\\d\\d-M\\d").keyOf(line("- 1 R02-M1-N0 ok", null)))
        .isEqualTo("R02-M1");
  }

  @Test
  void aBrokenPatternIsRefusedWithItsReason() {
    assertThatThrownBy(() -> SessionKeys.matching("blk_(\\d+"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("session pattern");
  }
}
