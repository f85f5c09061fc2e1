package dev.logrca.flink.detect;

import dev.logrca.core.detect.BehaviourStateFormat;
import dev.logrca.core.detect.ServiceBehaviour;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A service's detectors ({@link ServiceBehaviour}) in Flink state, in {@link
 * BehaviourStateFormat}'s format 1. Reads the Java-serialised form of earlier releases after
 * migration, while Java serialisation can still read it (same class shapes).
 */
public final class ServiceBehaviourSerializer extends VersionedSerializer<ServiceBehaviour> {
  private static final long serialVersionUID = 1L;

  public ServiceBehaviourSerializer() {
    this(BehaviourStateFormat.FORMAT);
  }

  private ServiceBehaviourSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return BehaviourStateFormat.FORMAT;
  }

  @Override
  protected ServiceBehaviourSerializer reading(int format) {
    return new ServiceBehaviourSerializer(format);
  }

  @Override
  public ServiceBehaviour createInstance() {
    return null; // there is no empty value without the job's settings
  }

  @Override
  protected void write(ServiceBehaviour value, DataOutputView out) throws IOException {
    BehaviourStateFormat.write(value, out);
  }

  @Override
  protected ServiceBehaviour read(int format, DataInputView in) throws IOException {
    return BehaviourStateFormat.read(format, in);
  }

  @Override
  protected TypeSerializerSchemaCompatibility<ServiceBehaviour> resolveForeign(
      TypeSerializerSnapshot<ServiceBehaviour> old) {
    return JavaSerializer.migrateFrom(old, ServiceBehaviour.class);
  }
}
