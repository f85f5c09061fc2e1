package dev.logrca.flink.state;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a savepoint records of a {@link VersionedSerializer}: its class and the format its values
 * were written in. The same format restores as is, an older one after migration (read in the old
 * format, written in the current one), a newer one is refused with a message that names both.
 */
public final class VersionedSnapshot<T> implements TypeSerializerSnapshot<T> {
  private static final Logger LOG = LoggerFactory.getLogger(VersionedSnapshot.class);
  private static final int VERSION = 1;

  /** A current-format instance of the serializer class. */
  private VersionedSerializer<T> serializer;

  /** The format the state's values were written in. */
  private int format;

  /** Used by Flink when it reads a savepoint. */
  public VersionedSnapshot() {}

  VersionedSnapshot(VersionedSerializer<T> serializer) {
    this.serializer = serializer;
    this.format = serializer.currentFormat();
  }

  /** The format the state was written in. */
  public int format() {
    return format;
  }

  @Override
  public int getCurrentVersion() {
    return VERSION;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(serializer.getClass().getName());
    out.writeInt(format);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown versioned snapshot version " + version);
    }
    String name = in.readUTF();
    format = in.readInt();
    try {
      serializer =
          (VersionedSerializer<T>)
              Class.forName(name, true, loader).getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException e) {
      throw new IOException("state serializer " + name + " is gone or cannot be made", e);
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    return serializer.reading(format);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializerSnapshot<T> oldSnapshot) {
    if (!(oldSnapshot instanceof VersionedSnapshot<T> old)) {
      return serializer.resolveForeign(oldSnapshot);
    }
    if (old.serializer.getClass() != serializer.getClass()) {
      return TypeSerializerSchemaCompatibility.incompatible();
    }
    if (old.format == format) {
      return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
    if (old.format < format) {
      return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }
    LOG.error(
        "state of {} was written in format {} by a newer release; this one reads formats up to {}:"
            + " restore the savepoint with that release, or start without it",
        serializer.getClass().getSimpleName(),
        old.format,
        format);
    return TypeSerializerSchemaCompatibility.incompatible();
  }
}
