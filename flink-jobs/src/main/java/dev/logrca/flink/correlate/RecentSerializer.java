package dev.logrca.flink.correlate;

import dev.logrca.flink.correlate.CorrelationInputFilter.Recent;
import dev.logrca.flink.state.EventFormat;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The correlation filter's memory of recent keys. Format 2: the count, then each key ({@link
 * EventFormat#UTF8}) and its count from least to most recently used, so the restored memory forgets
 * in the same order; format 1 (keys as Flink's {@code StringValue}) is read and migrates. Reads the
 * Java-serialised form of releases up to 3d3c66f after migration.
 */
public final class RecentSerializer extends VersionedSerializer<Recent> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 2;

  public RecentSerializer() {
    this(FORMAT);
  }

  private RecentSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected RecentSerializer reading(int format) {
    return new RecentSerializer(format);
  }

  @Override
  public Recent createInstance() {
    return new Recent();
  }

  @Override
  protected void write(Recent recent, DataOutputView out) throws IOException {
    out.writeInt(recent.size());
    for (Map.Entry<String, Integer> e : recent.entrySet()) {
      EventFormat.UTF8.writeString(e.getKey(), out);
      out.writeInt(e.getValue());
    }
  }

  @Override
  protected Recent read(int format, DataInputView in) throws IOException {
    EventFormat strings = EventFormat.of(format);
    Recent recent = new Recent();
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      recent.put(strings.readString(in), in.readInt());
    }
    return recent;
  }

  @Override
  protected TypeSerializerSchemaCompatibility<Recent> resolveForeign(
      TypeSerializerSnapshot<Recent> old) {
    return JavaSerializer.migrateFrom(old, Recent.class);
  }
}
