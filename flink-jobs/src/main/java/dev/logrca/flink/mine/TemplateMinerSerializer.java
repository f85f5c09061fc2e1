package dev.logrca.flink.mine;

import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.TemplateMiner;
import dev.logrca.flink.state.BytesSerializer;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Stores a service's template miner in keyed state in the miner's own snapshot format, so a
 * restored miner continues exactly where the checkpointed one stood.
 */
public final class TemplateMinerSerializer extends BytesSerializer<TemplateMiner> {
  private static final long serialVersionUID = 1L;

  @Override
  public TemplateMiner createInstance() {
    return new TemplateMiner(MinerConfig.defaults());
  }

  @Override
  protected byte[] toBytes(TemplateMiner miner) {
    return miner.snapshot();
  }

  @Override
  protected TemplateMiner fromBytes(byte[] bytes) {
    return TemplateMiner.restore(bytes);
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
