package dev.logrca.flink.state;

import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

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

  /** Remembers the state class so a restored job gets the same serializer. */
  public static final class Snapshot<T extends Serializable> implements TypeSerializerSnapshot<T> {
    private Class<T> type;

    /** Used by Flink when it reads a checkpoint. */
    public Snapshot() {}

    Snapshot(Class<T> type) {
      this.type = type;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(type.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      String name = in.readUTF();
      try {
        type = (Class<T>) Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IOException("state class " + name + " is gone", e);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new JavaSerializer<>(type);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
        TypeSerializerSnapshot<T> oldSnapshot) {
      return oldSnapshot instanceof Snapshot<?> old && type.equals(old.type)
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
