package dev.logrca.flink.correlate;

import dev.logrca.core.topology.TopologyInference;
import dev.logrca.flink.state.BytesSerializer;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.rules.correlate.CorrelationState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one correlation scope's checkpoint in a numbered format: the format number, the scope
 * name, the event time it was advanced to, then the inferred topology and the engine's state as two
 * length-prefixed objects read back through {@link StateObjectInput} (project and JDK classes only;
 * a class whose fields changed is refused unless it migrates them itself). Format 3 is this one;
 * formats 1 and 2 were {@link JavaSerializer} of the whole {@link ScopeState}, which a job restores
 * by migration.
 */
public final class ScopeStateSerializer extends BytesSerializer<ScopeState> {
  private static final long serialVersionUID = 1L;

  /** The format this version writes. */
  static final int FORMAT = 3;

  @Override
  public ScopeState createInstance() {
    return null;
  }

  @Override
  protected byte[] toBytes(ScopeState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      out.writeUTF(state.scope());
      out.writeLong(state.lastTime());
      writeObject(out, state.inference());
      writeObject(out, state.correlation());
    }
    return bytes.toByteArray();
  }

  @Override
  protected ScopeState fromBytes(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException(
            "correlation scope state in format "
                + format
                + "; this version reads format "
                + FORMAT
                + " (and 1-2 through migration when the job starts)");
      }
      String scope = in.readUTF();
      long lastTime = in.readLong();
      TopologyInference inference = readObject(in, TopologyInference.class);
      CorrelationState correlation = readObject(in, CorrelationState.class);
      return new ScopeState(scope, correlation, inference, lastTime);
    }
  }

  /**
   * A scope's engine state is a private copy already ({@code CorrelationEngine.snapshot}
   * deep-copies and {@code restore} copies again before use), so a copy for the checkpoint shares
   * it and copies only the topology inference, which the running scope goes on changing, map by map
   * ({@link TopologyInference#copy}) rather than through Java serialisation.
   */
  @Override
  public ScopeState copy(ScopeState from) {
    if (from == null) {
      return null;
    }
    TopologyInference inference = from.inference() == null ? null : from.inference().copy();
    return new ScopeState(from.scope(), from.correlation(), inference, from.lastTime());
  }

  private static void writeObject(DataOutputStream out, Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
      objects.writeObject(value);
    }
    out.writeInt(bytes.size());
    bytes.writeTo(out);
  }

  private static <T> T readObject(DataInputStream in, Class<T> type) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (StateObjectInput objects = new StateObjectInput(new ByteArrayInputStream(bytes), loader)) {
      return type.cast(objects.readObject());
    } catch (ClassNotFoundException e) {
      throw new IOException("cannot restore " + type.getName(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScopeStateSerializer;
  }

  @Override
  public int hashCode() {
    return ScopeStateSerializer.class.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<ScopeState> snapshotConfiguration() {
    return new Snapshot(FORMAT);
  }

  /**
   * Records the format the state was written in. The same format restores as is; the Java
   * serialisation of earlier releases after migration (read by their serializer, written again in
   * this format); any other format, a later release's say, is refused when the job starts.
   */
  public static final class Snapshot implements TypeSerializerSnapshot<ScopeState> {
    private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);
    private static final int VERSION = 1;

    private int format;

    /** Used by Flink when it reads a checkpoint. */
    public Snapshot() {}

    Snapshot(int format) {
      this.format = format;
    }

    @Override
    public int getCurrentVersion() {
      return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeInt(format);
    }

    @Override
    public void readSnapshot(int version, DataInputView in, ClassLoader loader) throws IOException {
      if (version != VERSION) {
        throw new IOException("unknown correlation state snapshot version " + version);
      }
      format = in.readInt();
    }

    @Override
    public TypeSerializer<ScopeState> restoreSerializer() {
      if (format != FORMAT) {
        throw new IllegalStateException(
            "correlation scope state in format " + format + " cannot be read by this version");
      }
      return new ScopeStateSerializer();
    }

    @Override
    public TypeSerializerSchemaCompatibility<ScopeState> resolveSchemaCompatibility(
        TypeSerializerSnapshot<ScopeState> oldSnapshot) {
      if (oldSnapshot instanceof Snapshot old && old.format == FORMAT) {
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
      }
      if (oldSnapshot instanceof JavaSerializer.Snapshot<?> old
          && old.stateClass() == ScopeState.class) {
        return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
      }
      LOG.error(
          "correlation scope state was written as {}, which this version (format {}) cannot read;"
              + " restore with the version that wrote it, or start without it",
          oldSnapshot instanceof Snapshot old ? "format " + old.format : oldSnapshot,
          FORMAT);
      return TypeSerializerSchemaCompatibility.incompatible();
    }
  }
}
