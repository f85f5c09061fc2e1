package dev.logrca.flink.detect;

import dev.logrca.core.detect.WindowAccumulator;
import dev.logrca.core.detect.WindowStateFormat;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An open window's counts ({@link WindowAccumulator}) in Flink state, in {@link
 * WindowStateFormat}'s format 1. Reads the Java-serialised form of earlier releases after
 * migration, while Java serialisation can still read it (same class shapes).
 */
public final class WindowAccumulatorSerializer extends VersionedSerializer<WindowAccumulator> {
  private static final long serialVersionUID = 1L;

  public WindowAccumulatorSerializer() {
    this(WindowStateFormat.FORMAT);
  }

  private WindowAccumulatorSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return WindowStateFormat.FORMAT;
  }

  @Override
  protected WindowAccumulatorSerializer reading(int format) {
    return new WindowAccumulatorSerializer(format);
  }

  @Override
  public WindowAccumulator createInstance() {
    return null; // there is no empty value without the job's settings
  }

  @Override
  protected void write(WindowAccumulator value, DataOutputView out) throws IOException {
    WindowStateFormat.write(value, out);
  }

  @Override
  protected WindowAccumulator read(int format, DataInputView in) throws IOException {
    return WindowStateFormat.read(format, in);
  }

  @Override
  protected TypeSerializerSchemaCompatibility<WindowAccumulator> resolveForeign(
      TypeSerializerSnapshot<WindowAccumulator> old) {
    return JavaSerializer.migrateFrom(old, WindowAccumulator.class);
  }
}
