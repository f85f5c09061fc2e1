package dev.logrca.flink.state;

import java.io.IOException;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.apache.flink.util.InstantiationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Serializable} state object (a detector's baseline, a correlation session's facts)
 * in Flink state through Java serialisation. Kryo would walk their object graphs field by field and
 * trips over the immutable collections and native-backed models inside them.
 */
public final class JavaSerializer<T extends Serializable> extends BytesSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;

  public JavaSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type);
  }

  @Override
  public T createInstance() {
    return null;
  }

  @Override
  protected byte[] toBytes(T value) throws IOException {
    return InstantiationUtil.serializeObject(value);
  }

  @Override
  protected T fromBytes(byte[] bytes) throws IOException {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return type.cast(InstantiationUtil.deserializeObject(bytes, loader));
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot restore " + type.getName(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JavaSerializer<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(type);
  }

  /**
   * After migration when {@code old} is this serializer's snapshot of {@code type} and Java
   * serialisation can still read it (same serialVersionUID, and the same class shapes where the
   * snapshot recorded them), else incompatible: how a state moved off Java serialisation reads what
   * an earlier release wrote.
   */
  public static <T> TypeSerializerSchemaCompatibility<T> migrateFrom(
      TypeSerializerSnapshot<T> old, Class<?> type) {
    if (!(old instanceof Snapshot<?> written) || !written.type.equals(type)) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    TypeSerializerSchemaCompatibility<?> javaReading =
        ((Snapshot<?>) new JavaSerializer<>(written.type).snapshotConfiguration()).resolve(written);
    return javaReading.isIncompatible()
        ? TypeSerializerSchemaCompatibility.incompatible()
        : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
  }

  /**
   * Remembers the state class, its {@code serialVersionUID} and (version 3) the shape of every
   * project class Java serialisation writes for it ({@link ClassShape}), so that a restored job
   * gets the same serializer and a changed class is refused when the job starts, not read with
   * silent defaults. Version 1 kept the class name alone, version 2 added the UID.
   */
  public static final class Snapshot<T extends Serializable> implements TypeSerializerSnapshot<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);
    private static final int VERSION = 3;

    private Class<T> type;

    /** The class's serialVersionUID when the state was written; null when not recorded (v1). */
    private Long writtenUid;

    /** The class shapes when the state was written; null when not recorded (v1, v2). */
    private List<String> writtenShape;

    /** Used by Flink when it reads a checkpoint. */
    public Snapshot() {}

    Snapshot(Class<T> type) {
      this.type = type;
      this.writtenUid = uidOf(type);
      this.writtenShape = ClassShape.of(type);
    }

    @Override
    public int getCurrentVersion() {
      return VERSION;
    }

    /** The state class the snapshot was written for (a newer serializer may migrate it). */
    public Class<T> stateClass() {
      return type;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
      out.writeLong(writtenUid);
      out.writeInt(writtenShape.size());
      for (String line : writtenShape) {
        StringValue.writeString(line, out);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      if (version < 1 || version > VERSION) {
        throw new IOException("unknown Java state snapshot version " + version);
      }
      String name = in.readUTF();
      try {
        type = (Class<T>) Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("state class " + name + " is gone", e);
      }
      writtenUid = version >= 2 ? in.readLong() : null;
      if (version >= 3) {
        int n = in.readInt();
        writtenShape = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          writtenShape.add(StringValue.readString(in));
        }
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new JavaSerializer<>(type);
    }

    /**
     * As is when the class, its serialVersionUID and the class shapes are those the state was
     * written with; after migration (read with Java serialization, written again) when the old
     * snapshot recorded no shapes; incompatible when the class, its UID or any shape changed, with
     * the changed lines logged: Java serialization would refuse the bytes or fill new fields with
     * defaults.
     */
    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> oldSnapshot) {
      if (!(oldSnapshot instanceof Snapshot<?> old) || !type.equals(old.type)) {
        return TypeSerializerSchemaCompatibility.incompatible();
      }
      return resolve(old);
    }

    private <O extends Serializable> TypeSerializerSchemaCompatibility<T> resolve(Snapshot<O> old) {
      if (old.writtenUid != null && old.writtenUid.longValue() != uidOf(type)) {
        LOG.error(
            "state of {} was written with serialVersionUID {}, this version has {}: it cannot be"
                + " restored; start the job without this savepoint, or with the version that"
                + " wrote it",
            type.getName(),
            old.writtenUid,
            uidOf(type));
        return TypeSerializerSchemaCompatibility.incompatible();
      }
      if (old.writtenShape == null) {
        return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
      }
      List<String> now = ClassShape.of(type);
      if (!now.equals(old.writtenShape)) {
        List<String> gone = new ArrayList<>(old.writtenShape);
        gone.removeAll(now);
        List<String> added = new ArrayList<>(now);
        added.removeAll(old.writtenShape);
        LOG.error(
            "state of {} was written by a version whose classes differ from this one's, which"
                + " Java serialization would read with missing fields left at their defaults; it"
                + " is not restored (start without this savepoint, or give the state an explicit"
                + " serializer that migrates it). Then: {}; now: {}",
            type.getName(),
            gone,
            added);
        return TypeSerializerSchemaCompatibility.incompatible();
      }
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }

    private static long uidOf(Class<?> type) {
      return ObjectStreamClass.lookup(type).getSerialVersionUID();
    }
  }
}
