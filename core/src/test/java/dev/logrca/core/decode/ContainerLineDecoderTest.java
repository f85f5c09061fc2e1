package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Lines as container runtimes write them: CRI (containerd, CRI-O) and Docker's json-file. */
class ContainerLineDecoderTest {
  private static final long FALLBACK = Instant.parse("2026-11-27T09:00:00Z").toEpochMilli();

  private static LineDecoder decoder() {
    return new LineDecoder(
        new SourceContext(
            "/var/log/pods/prod_checkout-7d9c7b6f5-x2x9q_0b4e/checkout/0.log",
            "checkout",
            null,
            ZoneOffset.UTC,
            2026,
            FALLBACK));
  }

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void aCriLineWithZapJsonGivesTheLoggersFieldsAndTheRuntimesTime() {
    LogRecord r =
        decoder()
            .decode(
                "2026-11-27T10:00:02.123456789Z stderr F {\"level\":\"error\",\"ts\":1795773601.5,"
                    + "\"logger\":\"checkout.payment\",\"caller\":\"payment/client.go:88\","
                    + "\"msg\":\"charge failed\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
                    + "\"span_id\":\"00f067aa0ba902b7\",\"error\":\"rpc error: code = Unavailable\"}",
                1);

    assertThat(r.decodeError()).isNull();
    assertThat(r.timestamp()).isEqualTo(at("2026-11-27T10:00:02.123Z"));
    assertThat(r.timestampInferred()).isFalse();
    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.logger()).isEqualTo("checkout.payment");
    assertThat(r.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(r.message()).isEqualTo("charge failed");
    assertThat(r.service()).isEqualTo("checkout");
    assertThat(r.attributes())
        .containsEntry("stream", "stderr")
        .containsEntry("span_id", "00f067aa0ba902b7")
        .containsEntry("caller", "payment/client.go:88")
        .doesNotContainKey("partial");
  }

  @Test
  void aCriLineWithAJavaLoggersPlainLineGivesItsLevelAndLogger() {
    LineDecoder decoder = decoder();
    LogRecord r =
        decoder.decode(
            "2026-11-27T10:00:03.000000001Z stdout F 2026-11-27 10:00:02.998 ERROR 1 --- "
                + "[nio-8080-exec-4] c.e.payment.ChargeService : charge failed"
                + " [traceId=4bf92f3577b34da6a3ce929d0e0e4736]",
            1);
    LogRecord frame =
        decoder.decode(
            "2026-11-27T10:00:03.000000002Z stdout F \tat c.e.payment.ChargeService.charge"
                + "(ChargeService.java:57)",
            2);

    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.logger()).isEqualTo("c.e.payment.ChargeService");
    assertThat(r.message()).startsWith("charge failed");
    assertThat(r.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(r.timestamp()).isEqualTo(at("2026-11-27T10:00:03Z"));
    // the runtime dates every line, stack frames too; a frame's own time is its arrival's, so
    // that it still reads as the continuation of the line before
    assertThat(frame.message()).startsWith("\tat c.e.payment");
    assertThat(frame.timestamp()).isEqualTo(at("2026-11-27T10:00:03Z"));
    assertThat(frame.timestampInferred()).isTrue();
    assertThat(Continuation.of(frame)).isTrue();
    assertThat(r.timestampInferred()).isFalse();
  }

  @Test
  void springBootsCorrelationIdInTheHeaderIsTheTraceId() {
    LogRecord r =
        decoder()
            .decode(
                "2026-11-27T10:00:03Z stdout F 2026-11-27T10:00:02.998Z ERROR 1 --- [payment]"
                    + " [nio-8080-exec-4] [4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7]"
                    + " c.e.payment.ChargeService                : charge failed",
                1);

    assertThat(r.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.logger()).isEqualTo("c.e.payment.ChargeService");
    assertThat(r.message()).isEqualTo("charge failed");
  }

  @Test
  void aCriLineOfAPinoLoggerWithATraceparentInTheMessage() {
    LogRecord r =
        decoder()
            .decode(
                "2026-11-27T10:00:04.5Z stdout F {\"level\":50,\"time\":1795773604499,\"pid\":1,"
                    + "\"hostname\":\"frontend-6c8f9d7b5-q4w2k\",\"msg\":\"POST"
                    + " http://checkout:8080/api/checkout failed: 503 traceparent=00-"
                    + "0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}",
                1);

    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.host()).isEqualTo("frontend-6c8f9d7b5-q4w2k");
    assertThat(r.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(r.timestamp()).isEqualTo(at("2026-11-27T10:00:04.500Z"));
  }

  @Test
  void anOpenTelemetryRecordKeepsItsTraceIdInsideAttributes() {
    LogRecord r =
        decoder()
            .decode(
                "2026-11-27T10:00:05Z stdout F {\"timestamp\":\"2026-11-27T10:00:04.9Z\","
                    + "\"severity_text\":\"WARN\",\"body\":\"retrying charge\","
                    + "\"resource\":{\"service.name\":\"checkout\"},"
                    + "\"attributes\":{\"trace_id\":\"5b8efff798038103d269b633813fc60c\","
                    + "\"span_id\":\"eee19b7ec3c1b174\"}}",
                1);

    assertThat(r.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(r.level()).isEqualTo(Level.WARN);
    assertThat(r.service()).isEqualTo("checkout");
    assertThat(r.message()).isEqualTo("retrying charge");
  }

  @Test
  void kubectlLogsWithTimestampsIsUnwrappedLikeCri() {
    LineDecoder decoder = decoder();
    LogRecord json =
        decoder.decode(
            "2026-11-27T10:00:06.000000001Z {\"level\":\"error\",\"msg\":\"charge failed\"}", 1);
    LogRecord plain =
        decoder.decode(
            "2026-11-27T10:00:07.5+01:00 2026-11-27 09:00:07,498 WARN [main] c.e.Pool - pool low",
            2);
    LogRecord ordinary = decoder.decode("2026-11-27T10:00:08Z payment started in 4 s", 3);

    assertThat(json.level()).isEqualTo(Level.ERROR);
    assertThat(json.message()).isEqualTo("charge failed");
    assertThat(json.timestamp()).isEqualTo(at("2026-11-27T10:00:06Z"));
    assertThat(plain.level()).isEqualTo(Level.WARN);
    assertThat(plain.logger()).isEqualTo("c.e.Pool");
    assertThat(plain.message()).isEqualTo("pool low");
    assertThat(plain.timestamp()).isEqualTo(at("2026-11-27T09:00:07.500Z"));
    assertThat(ordinary.message()).isEqualTo("payment started in 4 s");
  }

  @Test
  void aPartialCriLineLeftUnjoinedIsMarked() {
    LogRecord r = decoder().decode("2026-11-27T10:00:05Z stdout P first half of a", 1);

    assertThat(r.message()).isEqualTo("first half of a");
    assertThat(r.attributes()).containsEntry("partial", "true");
  }

  @Test
  void anEmptyCriLineIsAnEmptyMessage() {
    LogRecord r = decoder().decode("2026-11-27T10:00:05Z stdout F", 1);

    assertThat(r.message()).isEmpty();
    assertThat(r.decodeError()).isNull();
    assertThat(r.timestamp()).isEqualTo(at("2026-11-27T10:00:05Z"));
  }

  @Test
  void aLineThatOnlyLooksLikeCriIsAPlainLine() {
    LogRecord r = decoder().decode("2026-11-27T10:00:05Z stdoutX F something", 1);

    assertThat(r.attributes()).doesNotContainKey("stream");
    assertThat(r.message()).isEqualTo("stdoutX F something");
  }

  @Test
  void aDockerJsonFileLineGivesTheInnerLinesLevelAndLoggerAndItsStream() {
    LogRecord r =
        decoder()
            .decode(
                "{\"log\":\"2026-11-27 10:00:02.998 ERROR 1 --- [nio-8080-exec-4]"
                    + " c.e.payment.ChargeService : charge failed\\n\",\"stream\":\"stderr\","
                    + "\"time\":\"2026-11-27T10:00:03.000123456Z\"}",
                1);

    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.logger()).isEqualTo("c.e.payment.ChargeService");
    assertThat(r.message()).isEqualTo("charge failed");
    assertThat(r.timestamp()).isEqualTo(at("2026-11-27T10:00:03Z"));
    assertThat(r.attributes()).containsEntry("stream", "stderr");
  }

  @Test
  void aDockerJsonFileLineWithJsonInsideGivesTheLoggersFields() {
    LogRecord r =
        decoder()
            .decode(
                "{\"log\":\"{\\\"level\\\":\\\"warn\\\",\\\"msg\\\":\\\"slow\\\",\\\"trace_id\\\":"
                    + "\\\"4bf92f3577b34da6a3ce929d0e0e4736\\\"}\\n\",\"stream\":\"stdout\","
                    + "\"time\":\"2026-11-27T10:00:03Z\"}",
                1);

    assertThat(r.level()).isEqualTo(Level.WARN);
    assertThat(r.message()).isEqualTo("slow");
    assertThat(r.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(r.attributes()).containsEntry("stream", "stdout");
  }
}
