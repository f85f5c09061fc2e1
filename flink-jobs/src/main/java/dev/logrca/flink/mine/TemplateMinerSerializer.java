package dev.logrca.flink.mine;

import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.TemplateMiner;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Stores a service's template miner in keyed state in the miner's own snapshot format, so a
 * restored miner continues exactly where the checkpointed one stood.
 */
public final class TemplateMinerSerializer extends TypeSerializer<TemplateMiner> {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public TypeSerializer<TemplateMiner> duplicate() {
    return this;
  }

  @Override
  public TemplateMiner createInstance() {
    return new TemplateMiner(MinerConfig.defaults());
  }

  @Override
  public TemplateMiner copy(TemplateMiner from) {
    return TemplateMiner.restore(from.snapshot());
  }

  @Override
  public TemplateMiner copy(TemplateMiner from, TemplateMiner reuse) {
    return copy(from);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(TemplateMiner miner, DataOutputView target) throws IOException {
    byte[] bytes = miner.snapshot();
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  @Override
  public TemplateMiner deserialize(DataInputView source) throws IOException {
    byte[] bytes = new byte[source.readInt()];
    source.readFully(bytes);
    return TemplateMiner.restore(bytes);
  }

  @Override
  public TemplateMiner deserialize(TemplateMiner reuse, DataInputView source) throws IOException {
    return deserialize(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    target.write(source, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TemplateMinerSerializer;
  }

  @Override
  public int hashCode() {
    return TemplateMinerSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<TemplateMiner> snapshotConfiguration() {
    return new Snapshot();
  }

  /** The serializer has no configuration: any version restores with a new instance. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TemplateMiner> {
    public Snapshot() {
      super(TemplateMinerSerializer::new);
    }
  }
}
