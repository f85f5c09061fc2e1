package dev.logrca.flink.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A state serializer that writes its values field by field in a format with a version number. It
 * always writes the current format; an instance made by {@link #reading} reads an older one, which
 * is how a savepoint of an earlier release is read and then written again in the current format
 * ({@link VersionedSnapshot}). Subclasses are stateless apart from the format they read.
 */
public abstract class VersionedSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  /**
   * A staging buffer larger than this is dropped after use, so that one large value (a scope's
   * state) does not keep its bytes for the life of the thread.
   */
  static final int KEPT_STAGING_BYTES = 1 << 20;

  /**
   * Per thread, since serializers are shared ({@link #duplicate} returns the instance) between the
   * task thread and the thread that writes a checkpoint.
   */
  private static final ThreadLocal<DataOutputSerializer> STAGING =
      ThreadLocal.withInitial(() -> new DataOutputSerializer(4096));

  private final int readFormat;

  /**
   * @param readFormat the format this instance reads, from 1 to {@link #currentFormat()}
   */
  protected VersionedSerializer(int readFormat) {
    if (readFormat < 1 || readFormat > currentFormat()) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + " reads formats 1 to "
              + currentFormat()
              + ", not "
              + readFormat
              + ": the state was written by a newer release");
    }
    this.readFormat = readFormat;
  }

  /** The format this release writes. */
  public abstract int currentFormat();

  /** A serializer of the same kind that reads {@code format}. */
  protected abstract VersionedSerializer<T> reading(int format);

  /** Writes {@code value} in the current format. */
  protected abstract void write(T value, DataOutputView out) throws IOException;

  /** Reads a value written in {@code format}. */
  protected abstract T read(int format, DataInputView in) throws IOException;

  /**
   * How state written by another serializer (an earlier release's) is taken: incompatible unless a
   * subclass knows that serializer and can read what it wrote.
   */
  protected TypeSerializerSchemaCompatibility<T> resolveForeign(TypeSerializerSnapshot<T> old) {
    return TypeSerializerSchemaCompatibility.incompatible();
  }

  /** The format this instance reads. */
  public final int readFormat() {
    return readFormat;
  }

  @Override
  public final void serialize(T value, DataOutputView target) throws IOException {
    if (readFormat != currentFormat()) {
      throw new IllegalStateException(
          "a serializer restored for format " + readFormat + " only reads");
    }
    if (target instanceof DataOutputSerializer) {
      // a network buffer or an in-memory copy: bytes are stored into an array as they come
      write(value, target);
      return;
    }
    // A checkpoint stream: Flink hands it over as a DataOutputStream whose write(int) is
    // synchronized and passes each byte through four streams before the file's buffer. Written
    // byte by byte, the correlation's buffered lines took most of the thread that writes a
    // checkpoint in a profile of bench-kafka, so the value is staged in memory and written at once.
    DataOutputSerializer staging = STAGING.get();
    staging.clear();
    try {
      write(value, staging);
      target.write(staging.getSharedBuffer(), 0, staging.length());
    } finally {
      if (staging.getSharedBuffer().length > KEPT_STAGING_BYTES) {
        STAGING.remove();
      }
    }
  }

  @Override
  public final T deserialize(DataInputView source) throws IOException {
    return read(readFormat, source);
  }

  @Override
  public final T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public final void copy(DataInputView source, DataOutputView target) throws IOException {
    write(deserialize(source), target);
  }

  /** A deep copy, through the current format: state values are mutable or hold mutable lists. */
  @Override
  public T copy(T from) {
    if (from == null) {
      return null;
    }
    try {
      DataOutputSerializer out = new DataOutputSerializer(256);
      write(from, out);
      return read(
          currentFormat(), new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from.getClass().getName(), e);
    }
  }

  @Override
  public final T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((VersionedSerializer<?>) o).readFormat == readFormat;
  }

  @Override
  public int hashCode() {
    return getClass().hashCode() * 31 + readFormat;
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new VersionedSnapshot<>(this);
  }
}
