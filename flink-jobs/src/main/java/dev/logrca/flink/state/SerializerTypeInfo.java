package dev.logrca.flink.state;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.util.function.SerializableSupplier;

/**
 * The type of a stream whose values travel with a serializer of our own instead of the one Flink
 * would choose (its POJO serializer, reflection and a null mask per field): the hot edges of the
 * job, where every line is written and read once more.
 */
public final class SerializerTypeInfo<T> extends TypeInformation<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final SerializableSupplier<TypeSerializer<T>> serializer;

  /** Values of {@code type}, written by a fresh serializer from {@code serializer}. */
  public SerializerTypeInfo(Class<T> type, SerializableSupplier<TypeSerializer<T>> serializer) {
    this.type = Objects.requireNonNull(type);
    this.serializer = Objects.requireNonNull(serializer);
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer.get();
  }

  @Override
  public boolean isBasicType() {
    return false;
  }

  @Override
  public boolean isTupleType() {
    return false;
  }

  @Override
  public int getArity() {
    return 1;
  }

  @Override
  public int getTotalFields() {
    return 1;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " by " + serializer.get().getClass().getSimpleName();
  }

  /** Equal when the type and its serializer's class are: the union of two streams needs it. */
  @Override
  public boolean equals(Object o) {
    return o instanceof SerializerTypeInfo<?> other
        && other.canEqual(this)
        && type == other.type
        && serializer.get().getClass() == other.serializer.get().getClass();
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + serializer.get().getClass().hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof SerializerTypeInfo;
  }
}
