package dev.logrca.flink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.state.EventFormat;
import dev.logrca.flink.state.SerializerChecks;
import dev.logrca.flink.state.TextSamples;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Lines in the correlation's buffer: format 2, format 1, and what releases up to 3d3c66f wrote. */
class ClassifiedEventSerializerTest {
  private final ClassifiedEventSerializer serializer = new ClassifiedEventSerializer();

  static ClassifiedEvent line() {
    LogRecord record =
        new LogRecord(
            "id-7",
            "logs/payment.log",
            7,
            1_700_000_000_123L,
            true,
            "payment",
            "pod-3",
            Level.ERROR,
            "c.p.Gateway",
            "trace-1",
            "charge failed: " + "x".repeat(70_000), // longer than writeUTF allows
            "raw line",
            Map.of("k8s.pod", "pod-3", "region", "eu"),
            null);
    LogEvent event =
        new LogEvent(record, "payment:12", "charge failed: <*>", List.of("x", "y"), true);
    return new ClassifiedEvent(event, List.of("connection.refused", "timeout"));
  }

  @Test
  void aLineRoundTripsWithItsSignatures() throws Exception {
    assertThat(SerializerChecks.roundTrip(serializer, line())).isEqualTo(line());
    LogRecord bare =
        new LogRecord(
            "id", null, 0, 0, false, "svc", null, null, null, null, null, null, null, "bad utf-8");
    ClassifiedEvent sparse = new ClassifiedEvent(new LogEvent(bare, null, null, null, false), null);
    assertThat(SerializerChecks.roundTrip(serializer, sparse)).isEqualTo(sparse);
  }

  @Test
  void aCopyKeepsTheLineAndCopiesTheList() {
    ClassifiedEvent line = line();

    ClassifiedEvent copy = serializer.copy(line);

    assertThat(copy).isEqualTo(line).isNotSameAs(line);
    // lines are immutable in the job (object reuse is on): the copy after each checkpoint of
    // the buffered lines must not write and read every one of them again
    assertThat(copy.event()).isSameAs(line.event());
    assertThat(copy.signals()).isNotSameAs(line.signals());
  }

  @Test
  void itsSnapshotRecordsFormatTwoAndTakesFormatOneAfterMigration() throws Exception {
    SerializerChecks.currentAsIsOlderMigratedNewerRefused(serializer, 2);
  }

  static ClassifiedEvent textLine() {
    return new ClassifiedEvent(TextSamples.event(), List.of("timeout", "\u8fde\u63a5"));
  }

  @Test
  void aLineWithEveryKindOfTextRoundTrips() throws Exception {
    assertThat(SerializerChecks.roundTrip(serializer, textLine())).isEqualTo(textLine());
  }

  @Test
  void formatOneWrittenBy55c53cdReadsIntoTheSameLine() throws Exception {
    ClassifiedEvent read =
        SerializerChecks.readFixture(serializer, 1, "/state/format1/classified-event.bin");
    assertThat(read).isEqualTo(textLine());
    assertThat(SerializerChecks.bytes(serializer, read))
        .isEqualTo(SerializerChecks.bytes(serializer, textLine()));
  }

  /** Format 1 as 55c53cd wrote it, through the string form kept for reading it. */
  private static byte[] formatOne(ClassifiedEvent line) throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(256);
    EventFormat.STRING_VALUE.writeEvent(line.event(), out);
    EventFormat.STRING_VALUE.writeStrings(line.signals(), out);
    return out.getCopyOfBuffer();
  }

  @Test
  void theKeptFormatOneWritesWhat55c53cdWroteAndLongLinesReadBack() throws Exception {
    byte[] fixture;
    try (var in = getClass().getResourceAsStream("/state/format1/classified-event.bin")) {
      fixture = in.readAllBytes();
    }
    assertThat(formatOne(textLine())).isEqualTo(fixture);
    TypeSerializer<ClassifiedEvent> formatOneReader =
        SerializerChecks.snapshotOfFormat(serializer, 1).restoreSerializer();
    assertThat(formatOneReader.deserialize(new DataInputDeserializer(formatOne(line()))))
        .isEqualTo(line());
  }

  @Test
  void whatFlinksOwnSerializerWroteIsMigrated() throws Exception {
    // releases up to 3d3c66f declared `pending-events` by class: Flink's POJO serializer, with
    // Kryo for the lists and maps inside
    TypeSerializer<ClassifiedEvent> old =
        TypeInformation.of(ClassifiedEvent.class).createSerializer(new SerializerConfigImpl());
    TypeSerializerSnapshot<ClassifiedEvent> oldSnapshot = SerializerChecks.storedSnapshot(old);
    assertThat(SerializerChecks.compatibility(serializer, oldSnapshot).isCompatibleAfterMigration())
        .isTrue();

    DataOutputSerializer out = new DataOutputSerializer(256);
    old.serialize(line(), out);
    ClassifiedEvent read =
        oldSnapshot
            .restoreSerializer()
            .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(SerializerChecks.roundTrip(serializer, read)).isEqualTo(line());
  }
}
