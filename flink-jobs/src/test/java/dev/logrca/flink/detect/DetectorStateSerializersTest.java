package dev.logrca.flink.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.detect.DetectorConfig;
import dev.logrca.core.detect.ServiceBehaviour;
import dev.logrca.core.detect.WindowAccumulator;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.flink.state.SerializerChecks;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The detectors' and open windows' state: format 1 of their versioned serializers, and the
 * Java-serialised form that releases up to this one wrote, migrated to the same state.
 */
class DetectorStateSerializersTest {
  private static final long WINDOW = 30_000;

  private final ServiceBehaviourSerializer behaviours = new ServiceBehaviourSerializer();
  private final WindowAccumulatorSerializer windows = new WindowAccumulatorSerializer();

  private static LogEvent event(long ts, int line, Level level, String template, String param) {
    String message = template.replace("<*>", param);
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf("cart", line),
            "cart.log",
            line,
            ts,
            false,
            "cart",
            "cart-1",
            level,
            null,
            null,
            message,
            message,
            null,
            null);
    return new LogEvent(record, "cart:" + template.hashCode(), template, List.of(param), line < 3);
  }

  /** Window {@code i}: steady requests with their durations, an error every fifth window. */
  private static WindowAccumulator accumulator(int i) {
    WindowAccumulator acc = new WindowAccumulator();
    long start = i * WINDOW;
    for (int k = 0; k < 30 + i % 7; k++) {
      int line = i * 100 + k;
      acc.add(event(start + k * 700, line, Level.INFO, "GET /cart took[<*>]", 20 + k % 5 + "ms"));
      if (k % 3 == 0) {
        acc.add(event(start + k * 700 + 1, line, Level.INFO, "cache hit <*>", "key" + k));
      }
    }
    if (i % 5 == 0) {
      acc.add(event(start + 5, i * 100 + 99, Level.ERROR, "redis timeout <*>", "after 2s"));
    }
    return acc;
  }

  private static ServiceBehaviour trained(int windowCount) {
    ServiceBehaviour b = new ServiceBehaviour(DetectorConfig.defaults());
    for (int i = 0; i < windowCount; i++) {
      b.observe(accumulator(i).toWindow("cart", i * WINDOW, (i + 1) * WINDOW));
    }
    return b;
  }

  @Test
  void snapshotsRecordFormatOne() throws Exception {
    SerializerChecks.formatOneAsIsAndNewerRefused(behaviours);
    SerializerChecks.formatOneAsIsAndNewerRefused(windows);
  }

  @Test
  void valuesRoundTripToTheSameBytes() throws Exception {
    ServiceBehaviour b = trained(60);
    assertThat(bytes(behaviours, SerializerChecks.roundTrip(behaviours, b)))
        .isEqualTo(bytes(behaviours, b));
    WindowAccumulator acc = accumulator(10);
    assertThat(bytes(windows, SerializerChecks.roundTrip(windows, acc)))
        .isEqualTo(bytes(windows, acc));
  }

  @Test
  void theJavaSerialisedBehaviourOfEarlierReleasesIsMigrated() throws Exception {
    ServiceBehaviour b = trained(60);
    ServiceBehaviour migrated =
        migrated(new JavaSerializer<>(ServiceBehaviour.class), behaviours, b);
    assertThat(bytes(behaviours, migrated)).isEqualTo(bytes(behaviours, b));
  }

  @Test
  void theJavaSerialisedOpenWindowsOfEarlierReleasesAreMigrated() throws Exception {
    WindowAccumulator acc = accumulator(10);
    WindowAccumulator migrated =
        migrated(new JavaSerializer<>(WindowAccumulator.class), windows, acc);
    assertThat(bytes(windows, migrated)).isEqualTo(bytes(windows, acc));
  }

  /**
   * {@code value} written by {@code old}, taken by {@code now} after migration (Flink reads with
   * the old snapshot's serializer and writes with the new one).
   */
  private static <T> T migrated(TypeSerializer<T> old, TypeSerializer<T> now, T value)
      throws IOException {
    TypeSerializerSnapshot<T> oldSnapshot = SerializerChecks.storedSnapshot(old);
    assertThat(SerializerChecks.compatibility(now, oldSnapshot).isCompatibleAfterMigration())
        .isTrue();
    DataOutputSerializer out = new DataOutputSerializer(4096);
    old.serialize(value, out);
    T read =
        oldSnapshot
            .restoreSerializer()
            .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    return SerializerChecks.roundTrip(now, read);
  }

  private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(4096);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }
}
