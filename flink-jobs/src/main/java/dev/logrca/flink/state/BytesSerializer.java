package dev.logrca.flink.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A serializer for mutable state that has a byte form of its own (a miner's snapshot, Java
 * serialisation): each value is written as its length and its bytes, and a copy is a round trip
 * through those bytes. Subclasses are stateless, so one instance serves every thread.
 */
public abstract class BytesSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  /** The value's byte form. */
  protected abstract byte[] toBytes(T value) throws IOException;

  /** The value back from its byte form. */
  protected abstract T fromBytes(byte[] bytes) throws IOException;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return this;
  }

  @Override
  public T copy(T from) {
    if (from == null) {
      return null;
    }
    try {
      return fromBytes(toBytes(from));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from.getClass().getName(), e);
    }
  }

  @Override
  public T copy(T from, T reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    byte[] bytes = toBytes(value);
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return fromBytes(bytes);
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }
}
