package dev.logrca.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.source.LogRecordSerializer;
import dev.logrca.flink.state.SerializerChecks;
import dev.logrca.flink.state.SerializerTypeInfo;
import dev.logrca.flink.state.TextSamples;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.junit.jupiter.api.Test;

/** The serializers of the two hot edges: source to miner, miner to the event index writer. */
class EdgeSerializersTest {
  private static LogRecord decoded() {
    return new LogRecord(
        "e1",
        "/logs/payment.log",
        42,
        1_700_000_000_123L,
        false,
        "payment",
        "pod-7",
        Level.ERROR,
        "c.e.Pay",
        "abc123",
        "timeout after 3000 ms",
        "2026-11-27 10:00:00 ERROR timeout after 3000 ms",
        Map.of("status", "504", "errno", "ETIMEDOUT"),
        null);
  }

  private static LogRecord keptRaw() {
    return new LogRecord(
        "e2",
        "t/0",
        7,
        5,
        true,
        "db",
        null,
        null,
        null,
        null,
        "\u00e9t\u00e9 \ud83d\ude00",
        "x",
        null,
        "no header");
  }

  @Test
  void decodedLinesRoundTripWithEveryFieldNullOrNot() throws IOException {
    LogRecordSerializer serializer = new LogRecordSerializer();
    for (LogRecord r : List.of(decoded(), keptRaw())) {
      assertThat(SerializerChecks.roundTrip(serializer, r)).isEqualTo(r);
      LogRecord copy = serializer.copy(r);
      assertThat(copy).isEqualTo(r);
      assertThat(copy.attributes()).isNotSameAs(r.attributes());
    }
    assertThat(SerializerChecks.roundTrip(serializer, TextSamples.record()))
        .isEqualTo(TextSamples.record());
    SerializerChecks.currentAsIsOlderMigratedNewerRefused(serializer, 2);
  }

  @Test
  void eventsAndTemplatesRoundTrip() throws IOException {
    EventIndexEntrySerializer serializer = new EventIndexEntrySerializer();
    LogEvent event =
        new LogEvent(decoded(), "payment:4", "timeout after <*> ms", List.of("3000"), true);
    EventIndexEntry read = SerializerChecks.roundTrip(serializer, EventIndexEntry.of(event));
    assertThat(read.event).isEqualTo(event);
    assertThat(read.template).isNull();

    EventIndexEntry repeating =
        SerializerChecks.roundTrip(serializer, EventIndexEntry.replacing(event));
    assertThat(repeating.event).isEqualTo(event);
    assertThat(repeating.mayRepeat).isTrue();
    assertThat(read.mayRepeat).isFalse();
    assertThat(serializer.copy(EventIndexEntry.replacing(event)).mayRepeat).isTrue();

    LogEvent bare = new LogEvent(keptRaw(), null, null, List.of(), false);
    assertThat(SerializerChecks.roundTrip(serializer, EventIndexEntry.of(bare)).event)
        .isEqualTo(bare);

    TemplateEntry template =
        new TemplateEntry("payment", "payment:4", "timeout after <*>", List.of("payment:9"), 99L);
    read = SerializerChecks.roundTrip(serializer, EventIndexEntry.of(template));
    assertThat(read.template).isEqualTo(template);
    assertThat(read.event).isNull();
    assertThat(serializer.copy(EventIndexEntry.of(template)).template).isEqualTo(template);
    LogEvent text = TextSamples.event();
    assertThat(SerializerChecks.roundTrip(serializer, EventIndexEntry.of(text)).event)
        .isEqualTo(text);
    TemplateEntry cjk =
        new TemplateEntry("\u652f\u4ed8", "\u652f\u4ed8:1", "<*> \ud83d\ude00", List.of(), 1L);
    assertThat(SerializerChecks.roundTrip(serializer, EventIndexEntry.of(cjk)).template)
        .isEqualTo(cjk);
    SerializerChecks.currentAsIsOlderMigratedNewerRefused(serializer, 2);
  }

  @Test
  void anUnknownEntryKindIsAClearError() {
    EventIndexEntrySerializer serializer = new EventIndexEntrySerializer();
    assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(new byte[] {9})))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unknown event index entry kind 9");
  }

  @Test
  void theStreamTypesAreEqualSoStreamsUniteAndMakeTheirOwnSerializer() {
    SerializerTypeInfo<EventIndexEntry> another =
        new SerializerTypeInfo<>(EventIndexEntry.class, EventIndexEntrySerializer::new);
    assertThat(EventIndexEntrySerializer.TYPE)
        .isEqualTo(another)
        .hasSameHashCodeAs(another)
        .isNotEqualTo(LogRecordSerializer.TYPE);
    assertThat(LogRecordSerializer.TYPE.createSerializer(new SerializerConfigImpl()))
        .isInstanceOf(LogRecordSerializer.class);
  }
}
