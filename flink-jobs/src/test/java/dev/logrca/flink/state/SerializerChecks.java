package dev.logrca.flink.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
    TypeSerializerSnapshot<T> stored = storedSnapshot(serializer);
    assertThat(((VersionedSnapshot<T>) stored).format()).isEqualTo(1);
    assertThat(compatibility(serializer, stored).isCompatibleAsIs()).isTrue();
    assertThat(compatibility(serializer, snapshotOfFormat(serializer, 2)).isIncompatible())
        .isTrue();
  }

  /** {@code value} written by {@code old} (an earlier release's serializer), read back by it. */
  public static <T> T writtenAndReadBy(TypeSerializer<T> old, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    old.serialize(value, out);
    return old.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
  }
}
