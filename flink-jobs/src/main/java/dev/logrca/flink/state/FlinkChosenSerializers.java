package dev.logrca.flink.state;

import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializerSnapshot;

/**
 * State that releases up to 3d3c66f declared by class alone, so that Flink chose its POJO or Kryo
 * serializer: Flink restores that serializer from the savepoint and reads the values with it, and
 * the job's own serializer writes them from then on.
 */
public final class FlinkChosenSerializers {
  private FlinkChosenSerializers() {}

  /** After migration when {@code old} is Flink's POJO or Kryo serializer, else incompatible. */
  public static <T> TypeSerializerSchemaCompatibility<T> migrate(TypeSerializerSnapshot<T> old) {
    if (old instanceof PojoSerializerSnapshot<?> || old instanceof KryoSerializerSnapshot<?>) {
      return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }
    return TypeSerializerSchemaCompatibility.incompatible();
  }
}
