package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LineDecoderTest {
  private static final long FALLBACK = Instant.parse("2026-11-27T09:00:00Z").toEpochMilli();

  private static LineDecoder decoder(HeaderFormat format) {
    return new LineDecoder(
        new SourceContext(
            "/var/log/payment.log", "payment", format, ZoneOffset.UTC, 2026, FALLBACK));
  }

  @Test
  void aStackTraceInheritsTheTimestampOfItsFirstLine() {
    LineDecoder decoder = decoder(null);

    LogRecord head =
        decoder.decode(
            "2026-11-27 10:00:03,123 ERROR [main] c.e.PaymentService - charge failed", 1);
    LogRecord exception = decoder.decode("java.lang.IllegalStateException: no funds", 2);
    LogRecord frame = decoder.decode("\tat c.e.PaymentService.charge(PaymentService.java:42)", 3);

    long t = Instant.parse("2026-11-27T10:00:03.123Z").toEpochMilli();
    assertThat(head.timestamp()).isEqualTo(t);
    assertThat(head.timestampInferred()).isFalse();
    assertThat(exception.timestamp()).isEqualTo(t);
    assertThat(exception.timestampInferred()).isTrue();
    assertThat(frame.timestamp()).isEqualTo(t);
    assertThat(frame.timestampInferred()).isTrue();
    assertThat(frame.decodeError()).isNull();
    assertThat(frame.message()).isEqualTo("\tat c.e.PaymentService.charge(PaymentService.java:42)");
  }

  @Test
  void aTimeOfDayAloneTakesThePreviousLinesDate() {
    LineDecoder decoder = decoder(null);
    decoder.decode("2026-11-27T23:59:58Z INFO last of the day", 1);

    LogRecord r = decoder.decode("00:00:01.500 [main] ERROR c.e.Foo - boom", 2);

    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-28T00:00:01.500Z").toEpochMilli());
    assertThat(r.timestampInferred()).isFalse();
    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.logger()).isEqualTo("c.e.Foo");
    assertThat(r.message()).isEqualTo("boom");
  }

  @Test
  void theFirstLinesOfASourceTakeTheFallbackTimestamp() {
    LogRecord r = decoder(null).decode("no timestamp here", 1);

    assertThat(r.timestamp()).isEqualTo(FALLBACK);
    assertThat(r.timestampInferred()).isTrue();
  }

  @Test
  void setsIdsSourceServiceAndRaw() {
    LogRecord r = decoder(null).decode("2026-11-27T10:00:03Z INFO started", 7);

    assertThat(r.eventId()).isEqualTo(LogRecord.eventIdOf("/var/log/payment.log", 7));
    assertThat(r.source()).isEqualTo("/var/log/payment.log");
    assertThat(r.line()).isEqualTo(7);
    assertThat(r.service()).isEqualTo("payment");
    assertThat(r.raw()).isEqualTo("2026-11-27T10:00:03Z INFO started");
    assertThat(r.message()).isEqualTo("started");
    assertThat(r.level()).isEqualTo(Level.INFO);
  }

  @Test
  void aJsonLineNamingAServiceKeepsIt() {
    LineDecoder decoder = decoder(null);

    LogRecord named =
        decoder.decode(
            "{\"kubernetes\":{\"pod_name\":\"ts-order-service-5d9f8b7c6-x2x9q\"},\"msg\":\"x\"}",
            1);
    LogRecord unnamed = decoder.decode("{\"msg\":\"x\",\"level\":\"error\"}", 2);

    assertThat(named.service()).isEqualTo("ts-order-service");
    assertThat(named.host()).isEqualTo("ts-order-service-5d9f8b7c6-x2x9q");
    assertThat(unnamed.service()).isEqualTo("payment");
    assertThat(unnamed.level()).isEqualTo(Level.ERROR);
  }

  @Test
  void malformedJsonIsKeptAsRawText() {
    LineDecoder decoder = decoder(null);
    decoder.decode("2026-11-27T10:00:03Z INFO before", 1);

    LogRecord r = decoder.decode("{\"msg\": \"cut off", 2);

    assertThat(r.decodeError()).startsWith("malformed JSON: ");
    assertThat(r.message()).isEqualTo("{\"msg\": \"cut off");
    assertThat(r.raw()).isEqualTo("{\"msg\": \"cut off");
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:00:03Z").toEpochMilli());
    assertThat(r.timestampInferred()).isTrue();
  }

  @Test
  void decodesLinesOfAConfiguredHeaderFormat() {
    LineDecoder decoder =
        decoder(HeaderFormat.compile("<Date> <Time> <Pid> <Level> <Component>: <Content>"));

    LogRecord r =
        decoder.decode(
            "081109 203615 148 WARN dfs.DataNode$PacketResponder: PacketResponder 1 terminating",
            1);

    assertThat(r.timestamp()).isEqualTo(Instant.parse("2008-11-09T20:36:15Z").toEpochMilli());
    assertThat(r.level()).isEqualTo(Level.WARN);
    assertThat(r.logger()).isEqualTo("dfs.DataNode$PacketResponder");
    assertThat(r.message()).isEqualTo("PacketResponder 1 terminating");
    assertThat(r.attributes()).containsOnly(org.assertj.core.api.Assertions.entry("Pid", "148"));
    assertThat(r.decodeError()).isNull();
  }

  @Test
  void aLineNotMatchingTheHeaderFormatIsKeptWithTheReason() {
    LineDecoder decoder = decoder(HeaderFormat.compile("\\[<Time>\\] <Program> - <Content>"));
    LogRecord first = decoder.decode("[10.30 16:49:06] chrome.exe - open through proxy", 1);

    LogRecord r = decoder.decode("something else entirely", 2);

    assertThat(r.decodeError()).isEqualTo("does not match header format");
    assertThat(r.message()).isEqualTo("something else entirely");
    assertThat(r.timestamp()).isEqualTo(first.timestamp());
    assertThat(r.timestampInferred()).isTrue();
  }

  @Test
  void recordsWhatTheReaderNoticed() {
    LineDecoder decoder = decoder(null);

    LogRecord bad =
        decoder.decode("2026-11-27T10:00:03Z INFO caf\uFFFD", 1, new LineFlags(true, false, 30));
    LogRecord cut =
        decoder.decode("2026-11-27T10:00:03Z INFO aaaa", 2, new LineFlags(false, true, 1_048_576));
    LogRecord cutJson = decoder.decode("{\"msg\":\"aaa", 3, new LineFlags(true, true, 1_048_576));

    assertThat(bad.decodeError()).isEqualTo("invalid UTF-8");
    assertThat(bad.attributes()).containsEntry("invalidUtf8", "true");
    assertThat(bad.level()).isEqualTo(Level.INFO);
    assertThat(cut.decodeError()).isNull();
    assertThat(cut.attributes())
        .containsEntry("truncated", "true")
        .containsEntry("originalLength", "1048576");
    assertThat(cutJson.decodeError()).startsWith("malformed JSON");
  }
}
