package dev.logrca.flink.correlate;

import dev.logrca.flink.state.EventFormat;
import dev.logrca.flink.state.FlinkChosenSerializers;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A line waiting in the correlation's buffer with its signatures. Format 1: the event as {@link
 * EventFormat} writes it, then the signature names. Reads state of releases up to 3d3c66f, which
 * let Flink choose (its POJO serializer, with Kryo for the lists and maps inside), after migration.
 */
public final class ClassifiedEventSerializer extends VersionedSerializer<ClassifiedEvent> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 1;

  public ClassifiedEventSerializer() {
    this(FORMAT);
  }

  private ClassifiedEventSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected ClassifiedEventSerializer reading(int format) {
    return new ClassifiedEventSerializer(format);
  }

  @Override
  public ClassifiedEvent createInstance() {
    return null;
  }

  @Override
  protected void write(ClassifiedEvent value, DataOutputView out) throws IOException {
    EventFormat.writeEvent(value.event(), out);
    EventFormat.writeStrings(value.signals(), out);
  }

  @Override
  protected ClassifiedEvent read(int format, DataInputView in) throws IOException {
    return new ClassifiedEvent(EventFormat.readEvent(in), EventFormat.readStrings(in));
  }

  @Override
  protected TypeSerializerSchemaCompatibility<ClassifiedEvent> resolveForeign(
      TypeSerializerSnapshot<ClassifiedEvent> old) {
    return FlinkChosenSerializers.migrate(old);
  }
}
