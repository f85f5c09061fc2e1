package dev.logrca.flink.mine;

import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.TemplateMiner;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Stores a service's template miner in keyed state in the miner's own snapshot format, so a
 * restored miner continues exactly where the checkpointed one stood (its template ids included).
 * Format 1: the length and bytes of {@link TemplateMiner#snapshot()}, which carry the miner's own
 * format version; a version the miner cannot read fails the restore with that version named.
 */
public final class TemplateMinerSerializer extends VersionedSerializer<TemplateMiner> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 1;

  public TemplateMinerSerializer() {
    this(FORMAT);
  }

  private TemplateMinerSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected TemplateMinerSerializer reading(int format) {
    return new TemplateMinerSerializer(format);
  }

  @Override
  public TemplateMiner createInstance() {
    return new TemplateMiner(MinerConfig.defaults());
  }

  @Override
  protected void write(TemplateMiner miner, DataOutputView out) throws IOException {
    byte[] bytes = miner.snapshot();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  @Override
  protected TemplateMiner read(int format, DataInputView in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    try {
      return TemplateMiner.restore(bytes);
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot restore a template miner: " + e.getMessage(), e);
    }
  }

  /** Releases up to 3d3c66f wrote format 1 under {@link Snapshot}, which recorded no format. */
  @Override
  protected TypeSerializerSchemaCompatibility<TemplateMiner> resolveForeign(
      TypeSerializerSnapshot<TemplateMiner> old) {
    return old instanceof Snapshot
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.incompatible();
  }

  /**
   * The snapshot releases up to 3d3c66f wrote (no format recorded; their values are format 1). Kept
   * so that their savepoints load; this release writes a {@code VersionedSnapshot}.
   */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TemplateMiner> {
    public Snapshot() {
      super(TemplateMinerSerializer::new);
    }
  }
}
