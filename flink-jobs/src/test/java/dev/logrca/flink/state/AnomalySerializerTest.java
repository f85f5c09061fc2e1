package dev.logrca.flink.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Anomalies in the correlation's buffer: format 2, format 1, and what releases up to 3d3c66f wrote.
 */
class AnomalySerializerTest {
  private final AnomalySerializer serializer = new AnomalySerializer();

  static Anomaly anomaly() {
    return new Anomaly(
        "a1",
        "payment",
        AnomalyKind.ERROR_SURGE,
        60_000,
        70_000,
        "payment:4",
        "timeout after <*> ms",
        0.93,
        41,
        2.5,
        List.of(
            new Evidence(61_000, "payment", "payment:4", "timeout after 3000 ms", "e1"),
            new Evidence(62_000, "payment", null, "Connection refused", "e2")));
  }

  @Test
  void anAnomalyRoundTrips() throws Exception {
    assertThat(SerializerChecks.roundTrip(serializer, anomaly())).isEqualTo(anomaly());
    Anomaly bare = new Anomaly("a2", "db", AnomalyKind.OUTLIER, 0, 1, null, null, 0, 0, 0, null);
    assertThat(SerializerChecks.roundTrip(serializer, bare)).isEqualTo(bare);
    assertThat(serializer.copy(anomaly())).isEqualTo(anomaly()).isNotSameAs(anomaly());
  }

  @Test
  void itsSnapshotRecordsFormatTwoAndRestoresAsIs() throws Exception {
    TypeSerializerSnapshot<Anomaly> stored = SerializerChecks.storedSnapshot(serializer);
    assertThat(((VersionedSnapshot<Anomaly>) stored).format()).isEqualTo(2);
    assertThat(SerializerChecks.compatibility(serializer, stored).isCompatibleAsIs()).isTrue();
    assertThat(stored.restoreSerializer()).isEqualTo(serializer);
    SerializerChecks.currentAsIsOlderMigratedNewerRefused(serializer, 2);
  }

  @Test
  void aFormatFromANewerReleaseIsRefused() throws Exception {
    TypeSerializerSnapshot<Anomaly> newer = SerializerChecks.snapshotOfFormat(serializer, 3);
    assertThat(SerializerChecks.compatibility(serializer, newer).isIncompatible()).isTrue();
    assertThatThrownBy(newer::restoreSerializer)
        .hasMessageContaining("reads formats 1 to 2, not 3");
  }

  @Test
  void anAnomalyWithEveryKindOfTextRoundTrips() throws Exception {
    assertThat(SerializerChecks.roundTrip(serializer, TextSamples.anomaly()))
        .isEqualTo(TextSamples.anomaly());
    Anomaly longText =
        new Anomaly(
            "a3",
            "db",
            AnomalyKind.OUTLIER,
            0,
            1,
            "db:1",
            "\u652f".repeat(30_000),
            0,
            0,
            0,
            List.of(new Evidence(1, "db", "db:1", "x".repeat(70_000), "e")));
    assertThat(SerializerChecks.roundTrip(serializer, longText)).isEqualTo(longText);
  }

  @Test
  void formatOneWrittenBy55c53cdReadsIntoTheSameAnomaly() throws Exception {
    Anomaly read = SerializerChecks.readFixture(serializer, 1, "/state/format1/anomaly.bin");
    assertThat(read).isEqualTo(TextSamples.anomaly());
    assertThat(SerializerChecks.bytes(serializer, read))
        .isEqualTo(SerializerChecks.bytes(serializer, TextSamples.anomaly()));
  }

  @Test
  void whatFlinksOwnSerializerWroteIsMigrated() throws Exception {
    // releases up to 3d3c66f declared the state by class; this is the serializer Flink chose
    TypeSerializer<Anomaly> old =
        TypeInformation.of(Anomaly.class).createSerializer(new SerializerConfigImpl());
    TypeSerializerSnapshot<Anomaly> oldSnapshot = SerializerChecks.storedSnapshot(old);
    assertThat(SerializerChecks.compatibility(serializer, oldSnapshot).isCompatibleAfterMigration())
        .isTrue();

    DataOutputSerializer out = new DataOutputSerializer(256);
    old.serialize(anomaly(), out);
    Anomaly read =
        oldSnapshot
            .restoreSerializer()
            .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(SerializerChecks.roundTrip(serializer, read)).isEqualTo(anomaly());
  }

  @Test
  void anotherSerializersStateIsRefused() throws Exception {
    TypeSerializerSnapshot<Anomaly> other =
        SerializerChecks.snapshotOfFormat(new AnomalySerializer(), 2);
    assertThat(SerializerChecks.compatibility(serializer, other).isCompatibleAsIs()).isTrue();
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<Anomaly> javaOne =
        (TypeSerializerSnapshot) new JavaSerializer<>(Evidence.class).snapshotConfiguration();
    assertThat(SerializerChecks.compatibility(serializer, javaOne).isIncompatible()).isTrue();
  }
}
