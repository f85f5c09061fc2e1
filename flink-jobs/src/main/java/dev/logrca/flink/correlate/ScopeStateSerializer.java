package dev.logrca.flink.correlate;

import dev.logrca.core.model.StateInput;
import dev.logrca.core.model.StateOutput;
import dev.logrca.core.topology.TopologyInference;
import dev.logrca.core.topology.TopologyInferenceFormat;
import dev.logrca.flink.state.BytesSerializer;
import dev.logrca.flink.state.JavaSerializer;
import dev.logrca.rules.correlate.CorrelationState;
import dev.logrca.rules.correlate.CorrelationStateFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one correlation scope's checkpoint in a numbered format, with no Java serialisation:
 * format 4 is the format number, the scope name, the event time it was advanced to, then the
 * inferred topology ({@link TopologyInferenceFormat}) and the engine's state ({@link
 * CorrelationStateFormat}), each after the number of its own format, every string after its first
 * occurrence written as a reference to it ({@link StateOutput}). Format 3 (the same header, then
 * the two objects Java-serialised, read through {@link StateObjectInput}) is still read, and a job
 * restored from it migrates to format 4; formats 1 and 2 were {@link JavaSerializer} of the whole
 * {@link ScopeState}, which a job restores by migration too.
 */
public final class ScopeStateSerializer extends BytesSerializer<ScopeState> {
  private static final long serialVersionUID = 1L;

  /** The format this version writes. */
  static final int FORMAT = 4;

  /** The last format that held Java-serialised objects; still read. */
  static final int JAVA_OBJECTS = 3;

  @Override
  public ScopeState createInstance() {
    return null;
  }

  @Override
  protected byte[] toBytes(ScopeState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    try (StateOutput out = new StateOutput(bytes)) {
      out.writeInt(FORMAT);
      out.writeUTF(state.scope());
      out.writeLong(state.lastTime());
      out.writeInt(TopologyInferenceFormat.FORMAT);
      TopologyInferenceFormat.write(state.inference(), out);
      out.writeInt(CorrelationStateFormat.FORMAT);
      CorrelationStateFormat.write(state.correlation(), out);
    }
    return bytes.toByteArray();
  }

  @Override
  protected ScopeState fromBytes(byte[] bytes) throws IOException {
    try (StateInput in = new StateInput(new ByteArrayInputStream(bytes))) {
      int format = in.readInt();
      if (format != FORMAT && format != JAVA_OBJECTS) {
        throw new IOException(
            "correlation scope state in format "
                + format
                + "; this version reads formats "
                + JAVA_OBJECTS
                + " and "
                + FORMAT
                + " (and 1-2 through migration when the job starts)");
      }
      String scope = in.readUTF();
      long lastTime = in.readLong();
      if (format == JAVA_OBJECTS) {
        TopologyInference inference = readObject(in, TopologyInference.class);
        CorrelationState correlation = readObject(in, CorrelationState.class);
        return new ScopeState(scope, correlation, inference, lastTime);
      }
      TopologyInference inference = TopologyInferenceFormat.read(in.readInt(), in);
      CorrelationState correlation = CorrelationStateFormat.read(in.readInt(), in);
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

  /** Reads one object of format 3, which wrote them with Java serialisation. */
  private static <T> T readObject(StateInput in, Class<T> type) throws IOException {
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
   * Records the format the state was written in. The same format restores as is; format 3 and the
   * Java serialisation of earlier releases after migration (read by their serializer, written again
   * in this format); any other format, a later release's say, is refused when the job starts.
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
      if (format != FORMAT && format != JAVA_OBJECTS) {
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
      if (oldSnapshot instanceof Snapshot old && old.format == JAVA_OBJECTS) {
        return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
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
