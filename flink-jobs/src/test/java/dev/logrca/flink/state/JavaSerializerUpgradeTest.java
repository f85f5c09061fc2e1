package dev.logrca.flink.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.InputStream;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/**
 * State written by an earlier {@link JavaSerializer} restores with this one, and a changed class is
 * refused when the job starts.
 *
 * <p>{@code state/java-serializer-v1.bin} was written by {@code JavaSerializer} as it was at commit
 * 45cd4a5 (unchanged since main) (snapshot version 1: the class name alone), with a throwaway test
 * that wrote {@code TypeSerializerSnapshot.writeVersionedSnapshot(out,
 * serializer.snapshotConfiguration())} and then {@code serializer.serialize(new
 * Tally().add("payment", 3).add("ledger", 40), out)}, as Flink writes a keyed state's serializer
 * snapshot into a savepoint's metadata and its values into the state files.
 */
class JavaSerializerUpgradeTest {
  private final JavaSerializer<Tally> current = new JavaSerializer<>(Tally.class);

  @Test
  void stateOfTheFirstFormatRestoresAfterMigration() throws Exception {
    DataInputDeserializer in = new DataInputDeserializer(resource("state/java-serializer-v1.bin"));
    TypeSerializerSnapshot<Tally> old =
        TypeSerializerSnapshot.readVersionedSnapshot(in, getClass().getClassLoader());

    assertThat(old.getCurrentVersion()).isEqualTo(3);
    TypeSerializerSchemaCompatibility<Tally> compatibility =
        current.snapshotConfiguration().resolveSchemaCompatibility(old);
    assertThat(compatibility.isCompatibleAfterMigration()).isTrue();

    TypeSerializer<Tally> reader = old.restoreSerializer();
    Tally restored = reader.deserialize(in);
    assertThat(restored.counts()).containsEntry("payment", 3L).containsEntry("ledger", 40L);
    assertThat(in.available()).isZero();
  }

  @Test
  void stateOfThisFormatWithTheSameClassRestoresAsIs() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, current.snapshotConfiguration());
    TypeSerializerSnapshot<Tally> written =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(
            current.snapshotConfiguration().resolveSchemaCompatibility(written).isCompatibleAsIs())
        .isTrue();
  }

  @Test
  void aClassWhoseSerialVersionUidChangedIsRefused() throws Exception {
    // a snapshot as version 2 writes it, by a build whose Tally had serialVersionUID 99
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(JavaSerializer.Snapshot.class.getName());
    out.writeInt(2);
    out.writeUTF(Tally.class.getName());
    out.writeLong(99L);
    TypeSerializerSnapshot<Tally> written =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(current.snapshotConfiguration().resolveSchemaCompatibility(written).isIncompatible())
        .isTrue();
  }

  @Test
  void aSecondVersionSnapshotWithTheSameUidRestoresAfterMigration() throws Exception {
    // as 3d3c66f wrote it: class and serialVersionUID, no class shapes
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(JavaSerializer.Snapshot.class.getName());
    out.writeInt(2);
    out.writeUTF(Tally.class.getName());
    out.writeLong(1L);
    TypeSerializerSnapshot<Tally> written =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(
            current
                .snapshotConfiguration()
                .resolveSchemaCompatibility(written)
                .isCompatibleAfterMigration())
        .isTrue();
  }

  @Test
  void aClassWhoseFieldsChangedUnderTheSameUidIsRefused() throws Exception {
    // what a build whose Tally also had a field `since` wrote: Java serialization would read the
    // bytes and leave `since` at 0, so the state is refused instead
    List<String> shape = ClassShape.of(Tally.class);
    assertThat(shape)
        .singleElement(STRING)
        .contains("dev.logrca.flink.state.Tally uid=1")
        .contains("counts:java.util.TreeMap<java.lang.String, java.lang.Long>;");
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF(JavaSerializer.Snapshot.class.getName());
    out.writeInt(3);
    out.writeUTF(Tally.class.getName());
    out.writeLong(1L);
    out.writeInt(1);
    StringValue.writeString(shape.get(0).replace(" }", " since:long; }"), out);
    TypeSerializerSnapshot<Tally> written =
        TypeSerializerSnapshot.readVersionedSnapshot(
            new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

    assertThat(current.snapshotConfiguration().resolveSchemaCompatibility(written).isIncompatible())
        .isTrue();
  }

  @Test
  void theShapeFollowsProjectClassesInsideFieldsAndTheirTypeArguments() {
    assertThat(ClassShape.of(Nest.class))
        .anySatisfy(line -> assertThat(line).startsWith(Nest.class.getName()))
        .anySatisfy(line -> assertThat(line).startsWith(Tally.class.getName()));
  }

  /** A state class holding project classes inside a list. */
  static final class Nest implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    java.util.ArrayList<Tally> tallies = new java.util.ArrayList<>();
  }

  @Test
  void anotherClassIsRefused() throws Exception {
    JavaSerializer<String> strings = new JavaSerializer<>(String.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeSerializerSnapshot<Tally> other = (TypeSerializerSnapshot) strings.snapshotConfiguration();
    assertThat(current.snapshotConfiguration().resolveSchemaCompatibility(other).isIncompatible())
        .isTrue();
  }

  private static byte[] resource(String name) throws Exception {
    try (InputStream in =
        JavaSerializerUpgradeTest.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}
