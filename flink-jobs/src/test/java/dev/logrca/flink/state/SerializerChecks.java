package dev.logrca.flink.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** What every state serializer test checks: values and snapshots as Flink writes and reads them. */
public final class SerializerChecks {
  private SerializerChecks() {}

  /** {@code value} written and read back, through the stream and through {@code copy}. */
  public static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T read = serializer.deserialize(in);
    assertThat(in.available()).as("bytes left after one value").isZero();
    // a copy between views re-writes the same bytes
    DataOutputSerializer copied = new DataOutputSerializer(256);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    return read;
  }

  /** The serializer's snapshot as a savepoint stores it and Flink reads it back. */
  public static <T> TypeSerializerSnapshot<T> storedSnapshot(TypeSerializer<T> serializer)
      throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), SerializerChecks.class.getClassLoader());
  }

  /** How {@code serializer} takes state written under {@code old}. */
  public static <T> TypeSerializerSchemaCompatibility<T> compatibility(
      TypeSerializer<T> serializer, TypeSerializerSnapshot<T> old) {
    return serializer.snapshotConfiguration().resolveSchemaCompatibility(old);
  }

  /**
   * A stored {@link VersionedSnapshot} of {@code serializer}'s class that claims {@code format}.
   */
  public static <T> TypeSerializerSnapshot<T> snapshotOfFormat(
      TypeSerializer<T> serializer, int format) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(128);
    out.writeUTF(VersionedSnapshot.class.getName());
    out.writeInt(1);
    out.writeUTF(serializer.getClass().getName());
    out.writeInt(format);
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), SerializerChecks.class.getClassLoader());
  }

  /**
   * Checks that {@code serializer}'s snapshot, stored and read back, says format 1 and is taken as
   * is, and that a snapshot claiming format 2 (a newer release's) is refused.
   */
  public static <T> void formatOneAsIsAndNewerRefused(TypeSerializer<T> serializer)
      throws IOException {
    currentAsIsOlderMigratedNewerRefused(serializer, 1);
  }

  /**
   * Checks that {@code serializer}'s snapshot, stored and read back, says {@code format} and is
   * taken as is, that every older format is taken after migration, and that {@code format + 1} (a
   * newer release's) is refused.
   */
  public static <T> void currentAsIsOlderMigratedNewerRefused(
      TypeSerializer<T> serializer, int format) throws IOException {
    TypeSerializerSnapshot<T> stored = storedSnapshot(serializer);
    assertThat(((VersionedSnapshot<T>) stored).format()).isEqualTo(format);
    assertThat(compatibility(serializer, stored).isCompatibleAsIs()).isTrue();
    for (int older = 1; older < format; older++) {
      assertThat(compatibility(serializer, snapshotOfFormat(serializer, older)))
          .as("format %d", older)
          .matches(TypeSerializerSchemaCompatibility::isCompatibleAfterMigration);
    }
    assertThat(compatibility(serializer, snapshotOfFormat(serializer, format + 1)).isIncompatible())
        .isTrue();
  }

  /**
   * The value in {@code resource} (a fixture an earlier release's serializer wrote), read the way a
   * restore reads it: through the serializer of the format {@code serializer}'s snapshot says.
   */
  public static <T> T readFixture(TypeSerializer<T> serializer, int format, String resource)
      throws IOException {
    byte[] bytes;
    try (InputStream in = SerializerChecks.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      bytes = in.readAllBytes();
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    T read = snapshotOfFormat(serializer, format).restoreSerializer().deserialize(in);
    assertThat(in.available()).as("bytes left after the fixture's value").isZero();
    return read;
  }

  /** The bytes {@code serializer} writes for {@code value}. */
  public static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  /** {@code value} written by {@code old} (an earlier release's serializer), read back by it. */
  public static <T> T writtenAndReadBy(TypeSerializer<T> old, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    old.serialize(value, out);
    return old.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
