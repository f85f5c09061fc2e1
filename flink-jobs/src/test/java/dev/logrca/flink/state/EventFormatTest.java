package dev.logrca.flink.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogEvent;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Both string forms of the model's values: format 1's StringValue, still read, and UTF-8. */
class EventFormatTest {
  @Test
  void everyStringRoundTripsInBothForms() throws IOException {
    for (EventFormat format : new EventFormat[] {EventFormat.STRING_VALUE, EventFormat.UTF8}) {
      for (String s : Utf8StringsTest.SAMPLES) {
        DataOutputSerializer out = new DataOutputSerializer(16);
        format.writeString(s, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(format.readString(in)).isEqualTo(s);
        assertThat(in.available()).isZero();
      }
    }
  }

  @Test
  void aLineRoundTripsInBothForms() throws IOException {
    LogEvent sample = TextSamples.event();
    LogEvent longLine =
        new LogEvent(
            sample.record().withRawAndAttributes("\u652f".repeat(30_000), Map.of()),
            null,
            "x".repeat(70_000),
            java.util.List.of(),
            false);
    for (EventFormat format : new EventFormat[] {EventFormat.STRING_VALUE, EventFormat.UTF8}) {
      for (LogEvent e : new LogEvent[] {sample, longLine}) {
        DataOutputSerializer out = new DataOutputSerializer(256);
        format.writeEvent(e, out);
        assertThat(format.readEvent(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(e);
      }
    }
  }

  @Test
  void formatOneIsStringValueAndLaterOnesUtf8() {
    assertThat(EventFormat.of(1)).isSameAs(EventFormat.STRING_VALUE);
    assertThat(EventFormat.of(2)).isSameAs(EventFormat.UTF8);
  }
}
