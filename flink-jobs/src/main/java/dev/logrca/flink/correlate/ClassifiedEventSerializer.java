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
 * A line waiting in the correlation's buffer with its signatures. Format 2: the event as {@link
 * EventFormat#UTF8} writes it, then the signature names; format 1 (the same with Flink's {@code
 * StringValue} strings) is read and migrates. Reads state of releases up to 3d3c66f, which let
 * Flink choose (its POJO serializer, with Kryo for the lists and maps inside), after migration.
 */
public final class ClassifiedEventSerializer extends VersionedSerializer<ClassifiedEvent> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 2;

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

  /**
   * Shares the line, copies the signature list. The heap state backend copies the whole buffer of
   * `pending-events` on its first change after each checkpoint (copy on write), in the task thread;
   * through the format that wrote and read every buffered line again (about a fifth of the
   * correlation thread's time in a profile of the 1M storm). Lines are not changed once made: the
   * job runs with object reuse on, which relies on that too.
   */
  @Override
  public ClassifiedEvent copy(ClassifiedEvent from) {
    return from == null ? null : new ClassifiedEvent(from.event(), from.signals());
  }

  @Override
  protected void write(ClassifiedEvent value, DataOutputView out) throws IOException {
    EventFormat.UTF8.writeEvent(value.event(), out);
    EventFormat.UTF8.writeStrings(value.signals(), out);
  }

  @Override
  protected ClassifiedEvent read(int format, DataInputView in) throws IOException {
    EventFormat strings = EventFormat.of(format);
    return new ClassifiedEvent(strings.readEvent(in), strings.readStrings(in));
  }

  @Override
  protected TypeSerializerSchemaCompatibility<ClassifiedEvent> resolveForeign(
      TypeSerializerSnapshot<ClassifiedEvent> old) {
    return FlinkChosenSerializers.migrate(old);
  }
}
