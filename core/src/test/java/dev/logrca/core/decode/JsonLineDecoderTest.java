package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLineDecoderTest {
  private static final long T = Instant.parse("2026-11-27T10:00:03.123Z").toEpochMilli();

  private final JsonLineDecoder decoder =
      new JsonLineDecoder(new TimestampParser(ZoneOffset.UTC, 2026));

  @ParameterizedTest
  @ValueSource(strings = {"@timestamp", "timestamp", "time", "ts", "observedTimestamp"})
  void readsEveryTimeAlias(String field) {
    JsonLine line =
        decoder.decode("{\"" + field + "\":\"2026-11-27T10:00:03.123Z\",\"msg\":\"x\"}");

    assertThat(line.timestamp()).isEqualTo(T);
    assertThat(line.attributes()).doesNotContainKey(field);
  }

  @Test
  void theFirstListedTimeFieldWinsAndTheOtherStaysAnAttribute() {
    JsonLine line =
        decoder.decode(
            "{\"time\":\"2026-11-27T11:00:00Z\",\"@timestamp\":\"2026-11-27T10:00:03.123Z\"}");

    assertThat(line.timestamp()).isEqualTo(T);
    assertThat(line.attributes()).containsEntry("time", "2026-11-27T11:00:00Z");
  }

  @ParameterizedTest
  @CsvSource({
    "1795773603123, 1795773603123",
    "1795773603, 1795773603000",
    "1795773603.5, 1795773603500",
    "1795773603123456789, 1795773603123",
    "'\"1795773603123\"', 1795773603123"
  })
  void readsEpochTimes(String value, long expected) {
    assertThat(decoder.decode("{\"ts\":" + value + "}").timestamp()).isEqualTo(expected);
  }

  @Test
  void fallsBackToAnyTopLevelFieldNamedForTime() {
    JsonLine line =
        decoder.decode(
            "{\"response_time\":12,\"eventTime\":\"2026-11-27T10:00:03.123Z\",\"msg\":\"x\"}");

    assertThat(line.timestamp()).isEqualTo(T);
    assertThat(line.attributes())
        .containsEntry("response_time", "12")
        .doesNotContainKey("eventTime");
  }

  @Test
  void aLineWithoutTimeHasNone() {
    assertThat(decoder.decode("{\"msg\":\"x\",\"time\":\"yesterday\"}").timestamp()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"message", "msg", "log", "body"})
  void readsEveryMessageAlias(String field) {
    JsonLine line = decoder.decode("{\"" + field + "\":\"boom\\n\",\"other\":1}");

    assertThat(line.message()).isEqualTo("boom");
    assertThat(line.attributes()).containsOnlyKeys("other");
  }

  @Test
  void anEcsLogObjectIsNotTheMessage() {
    JsonLine line =
        decoder.decode("{\"log\":{\"level\":\"warn\",\"logger\":\"c.e.Foo\"},\"message\":\"m\"}");

    assertThat(line.message()).isEqualTo("m");
    assertThat(line.level()).isEqualTo(Level.WARN);
    assertThat(line.logger()).isEqualTo("c.e.Foo");
    assertThat(line.attributes()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"service\":{\"name\":\"checkout\"},\"app\":\"other\"}                | checkout",
        "{\"service.name\":\"checkout\",\"service\":\"other\"}                  | checkout",
        "{\"service\":\"checkout\",\"app\":\"other\"}                           | checkout",
        "{\"kubernetes\":{\"labels\":{\"app\":\"checkout\"},\"container_name\":\"c\"}} | checkout",
        "{\"kubernetes.labels.app\":\"checkout\"}                               | checkout",
        "{\"kubernetes\":{\"labels.app\":\"checkout\"}}                         | checkout",
        "{\"kubernetes\":{\"pod_labels\":{\"app\":\"checkout\"}},\"app\":\"x\"} | checkout",
        "{\"app\":\"checkout\",\"kubernetes\":{\"container_name\":\"c\"}}       | checkout",
        "{\"kubernetes\":{\"container_name\":\"checkout\",\"pod_name\":\"p-0\"}} | checkout",
        "{\"kubernetes\":{\"pod_name\":\"checkout-5d9f8b7c6-x2x9q\"}}          | checkout",
        "{\"kubernetes\":{\"pod\":{\"name\":\"postgres-0\"}}}                  | postgres",
      })
  void readsEveryServiceAliasInOrder(String json, String service) {
    assertThat(decoder.decode(json).service()).isEqualTo(service);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"host\":{\"name\":\"web-1\"},\"hostname\":\"x\"}                     | web-1",
        "{\"host\":\"web-1\",\"hostname\":\"x\"}                                | web-1",
        "{\"hostname\":\"web-1\",\"kubernetes\":{\"host\":\"node\"}}            | web-1",
        "{\"kubernetes\":{\"pod_name\":\"web-1\",\"host\":\"node\"}}            | web-1",
        "{\"kubernetes\":{\"host\":\"web-1\"}}                                  | web-1",
      })
  void readsEveryHostAliasInOrder(String json, String host) {
    assertThat(decoder.decode(json).host()).isEqualTo(host);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"log.level\":\"error\",\"level\":\"info\"}      | ERROR",
        "{\"level\":\"Warning\",\"severity\":\"info\"}     | WARN",
        "{\"severity\":\"CRITICAL\"}                       | FATAL",
        "{\"severityText\":\"DEBUG\"}                      | DEBUG",
        "{\"level\":50}                                    | ERROR",
        "{\"level\":30}                                    | INFO",
        "{\"level\":60}                                    | FATAL",
        "{\"level\":\"40\"}                                | WARN",
        "{\"severity\":3}                                  | ERROR",
        "{\"severity\":6}                                  | INFO",
        "{\"level\":\"chatty\",\"severity\":\"warn\"}      | WARN",
      })
  void readsLevelsByNameAndNumber(String json, Level level) {
    assertThat(decoder.decode(json).level()).isEqualTo(level);
  }

  @ParameterizedTest
  @ValueSource(strings = {"trace.id", "trace_id", "traceId", "traceid"})
  void readsEveryTraceAlias(String field) {
    assertThat(decoder.decode("{\"" + field + "\":\"4bf92f35\"}").traceId()).isEqualTo("4bf92f35");
  }

  @Test
  void nestedTraceObjectsWorkToo() {
    assertThat(decoder.decode("{\"trace\":{\"id\":\"4bf92f35\"}}").traceId()).isEqualTo("4bf92f35");
  }

  @Test
  void keepsOtherFieldsAsFlattenedTextAttributes() {
    JsonLine line =
        decoder.decode(
            "{\"msg\":\"x\",\"http\":{\"status\":502,\"ok\":false},\"tags\":[\"a\",\"b\"],"
                + "\"kubernetes\":{\"namespace_name\":\"shop\",\"labels\":{\"app\":\"checkout\"}},"
                + "\"gone\":null}");

    assertThat(line.attributes())
        .containsOnly(
            org.assertj.core.api.Assertions.entry("http.status", "502"),
            org.assertj.core.api.Assertions.entry("http.ok", "false"),
            org.assertj.core.api.Assertions.entry("tags", "[\"a\",\"b\"]"),
            org.assertj.core.api.Assertions.entry("kubernetes.namespace_name", "shop"));
  }

  @Test
  void decodesALogbackLineInsideAContainerLine() {
    JsonLine line =
        decoder.decode(
            "{\"log\":\"2026-11-27 10:00:01.123 ERROR [main] c.e.Foo - boom\\n\","
                + "\"stream\":\"stderr\",\"time\":\"2026-11-27T10:00:03.123Z\"}");

    assertThat(line.message()).isEqualTo("boom");
    assertThat(line.level()).isEqualTo(Level.ERROR);
    assertThat(line.logger()).isEqualTo("c.e.Foo");
    assertThat(line.timestamp()).as("the shipper's time wins").isEqualTo(T);
    assertThat(line.attributes()).containsEntry("stream", "stderr").containsEntry("thread", "main");
  }

  @Test
  void anEmbeddedLinesTimeIsUsedWhenTheJsonHasNone() {
    JsonLine line = decoder.decode("{\"log\":\"2026-11-27 10:00:03,123 WARN  c.e.Foo - slow\"}");

    assertThat(line.timestamp()).isEqualTo(T);
    assertThat(line.level()).isEqualTo(Level.WARN);
    assertThat(line.message()).isEqualTo("slow");
  }

  @Test
  void decodesAnApplicationsJsonLineInsideAContainerLine() {
    JsonLine line =
        decoder.decode(
            "{\"log\":\"{\\\"level\\\":50,\\\"msg\\\":\\\"query failed\\\","
                + "\\\"trace_id\\\":\\\"abc\\\",\\\"pid\\\":7}\\n\","
                + "\"time\":\"2026-11-27T10:00:03.123Z\","
                + "\"kubernetes\":{\"pod_name\":\"cart-5d9f8b7c6-x2x9q\"}}");

    assertThat(line.timestamp()).isEqualTo(T);
    assertThat(line.service()).isEqualTo("cart");
    assertThat(line.level()).isEqualTo(Level.ERROR);
    assertThat(line.traceId()).isEqualTo("abc");
    assertThat(line.message()).isEqualTo("query failed");
    assertThat(line.attributes()).containsEntry("pid", "7");
  }

  @Test
  void aLineWithoutMessageIsItsOwnMessage() {
    String text = "{\"event\":\"login\",\"level\":\"info\"}";

    assertThat(decoder.decode(text).message()).isEqualTo(text);
  }

  @Test
  void aPlainMessageIsLeftAlone() {
    JsonLine line =
        decoder.decode("{\"msg\":\"ERROR while reading: disk full\",\"level\":\"info\"}");

    assertThat(line.message()).isEqualTo("ERROR while reading: disk full");
    assertThat(line.level()).isEqualTo(Level.INFO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"msg\": \"unterminated", "{not json}", "{\"a\":1} trailing", "{"})
  void malformedJsonIsReported(String text) {
    JsonLine line = decoder.decode(text);

    assertThat(line.error()).startsWith("malformed JSON: ");
  }
}
