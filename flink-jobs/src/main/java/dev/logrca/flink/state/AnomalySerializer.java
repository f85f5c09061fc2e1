package dev.logrca.flink.state;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * An anomaly waiting in the correlation's buffer. Format 2: its fields in declaration order, the
 * kind by name, the evidence as a counted list, strings as {@link EventFormat#UTF8} writes them;
 * format 1 (the same with Flink's {@code StringValue} strings) is read and migrates. Reads state of
 * releases up to 3d3c66f, which let Flink choose (its POJO or Kryo serializer), after migration.
 */
public final class AnomalySerializer extends VersionedSerializer<Anomaly> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 2;

  public AnomalySerializer() {
    this(FORMAT);
  }

  private AnomalySerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected AnomalySerializer reading(int format) {
    return new AnomalySerializer(format);
  }

  @Override
  public Anomaly createInstance() {
    return null;
  }

  @Override
  protected void write(Anomaly a, DataOutputView out) throws IOException {
    EventFormat.UTF8.writeString(a.id(), out);
    EventFormat.UTF8.writeString(a.service(), out);
    EventFormat.UTF8.writeString(a.kind().name(), out);
    out.writeLong(a.windowStart());
    out.writeLong(a.windowEnd());
    EventFormat.UTF8.writeString(a.templateId(), out);
    EventFormat.UTF8.writeString(a.template(), out);
    out.writeDouble(a.score());
    out.writeDouble(a.observed());
    out.writeDouble(a.expected());
    out.writeInt(a.evidence().size());
    for (Evidence e : a.evidence()) {
      EventFormat.UTF8.writeEvidence(e, out);
    }
  }

  @Override
  protected Anomaly read(int format, DataInputView in) throws IOException {
    EventFormat strings = EventFormat.of(format);
    String id = strings.readString(in);
    String service = strings.readString(in);
    AnomalyKind kind = strings.readEnum(AnomalyKind.class, in);
    long start = in.readLong();
    long end = in.readLong();
    String templateId = strings.readString(in);
    String template = strings.readString(in);
    double score = in.readDouble();
    double observed = in.readDouble();
    double expected = in.readDouble();
    int n = in.readInt();
    List<Evidence> evidence = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      evidence.add(strings.readEvidence(in));
    }
    return new Anomaly(
        id, service, kind, start, end, templateId, template, score, observed, expected, evidence);
  }

  @Override
  protected TypeSerializerSchemaCompatibility<Anomaly> resolveForeign(
      TypeSerializerSnapshot<Anomaly> old) {
    return FlinkChosenSerializers.migrate(old);
  }
}
