package dev.logrca.flink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.flink.correlate.CorrelationInputFilter.Recent;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.flink.state.SerializerChecks;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The correlation filter's memory: format 2, format 1, and the Java-serialised form of 3d3c66f. */
class RecentSerializerTest {
  private final RecentSerializer serializer = new RecentSerializer();

  private static Recent recent() {
    Recent recent = new Recent();
    recent.count("rate:payment:3@17");
    recent.firstTime("host:pod-1");
    recent.count("rate:payment:3@17");
    recent.firstTime("host:pod-2");
    recent.count("rate:payment:3@17"); // now the most recently used
    return recent;
  }

  @Test
  void theMemoryRoundTripsInItsOrderOfUse() throws Exception {
    Recent read = SerializerChecks.roundTrip(serializer, recent());
    assertThat(read)
        .containsExactly(
            java.util.Map.entry("host:pod-1", 1),
            java.util.Map.entry("host:pod-2", 1),
            java.util.Map.entry("rate:payment:3@17", 3));
    // the restored memory keeps counting and ordering by use
    assertThat(read.count("host:pod-1")).isEqualTo(2);
    assertThat(read.keySet()).endsWith("host:pod-1");
  }

  @Test
  void itsSnapshotRecordsFormatTwo() throws Exception {
    SerializerChecks.currentAsIsOlderMigratedNewerRefused(serializer, 2);
  }

  /** Keys of every kind of text, the first one the most recently used. */
  private static Recent textKeys() {
    Recent recent = new Recent();
    recent.put("host:\u8282\u70b9-1", 2);
    recent.put("", 1);
    recent.put("rate:\ud83d\ude00@17", 1);
    recent.get("host:\u8282\u70b9-1");
    return recent;
  }

  @Test
  void formatOneWrittenBy55c53cdReadsIntoTheSameMemoryInItsOrder() throws Exception {
    Recent read = SerializerChecks.readFixture(serializer, 1, "/state/format1/recent.bin");
    assertThat(read)
        .containsExactly(
            java.util.Map.entry("", 1),
            java.util.Map.entry("rate:\ud83d\ude00@17", 1),
            java.util.Map.entry("host:\u8282\u70b9-1", 2));
    assertThat(SerializerChecks.bytes(serializer, read))
        .isEqualTo(SerializerChecks.bytes(serializer, textKeys()));
    Recent longKey = new Recent();
    longKey.put("\u652f".repeat(30_000), 1);
    assertThat(SerializerChecks.roundTrip(serializer, longKey)).containsExactlyEntriesOf(longKey);
  }

  @Test
  void theJavaSerialisedMemoryOf3d3c66fIsMigrated() throws Exception {
    JavaSerializer<Recent> old = new JavaSerializer<>(Recent.class);
    TypeSerializerSnapshot<Recent> oldSnapshot = SerializerChecks.storedSnapshot(old);
    assertThat(SerializerChecks.compatibility(serializer, oldSnapshot).isCompatibleAfterMigration())
        .isTrue();

    DataOutputSerializer out = new DataOutputSerializer(256);
    old.serialize(recent(), out);
    Recent read =
        oldSnapshot
            .restoreSerializer()
            .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    assertThat(SerializerChecks.roundTrip(serializer, read)).containsExactlyEntriesOf(recent());
  }
}
