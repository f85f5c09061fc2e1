package dev.logrca.flink.source;

import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.state.EventFormat;
import dev.logrca.flink.state.SerializerTypeInfo;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Decoded lines between the source and the template miner, field by field ({@link EventFormat}'s
 * record, format 2: strings as UTF-8 bytes; format 1 wrote Flink's {@code StringValue}, char by
 * char): every line crosses that edge, where Flink's own choice (its POJO serializer, reflection
 * and a null mask per field, a map serializer for the attributes) cost the source and the miner a
 * fifth of their time. Only the edge: no state holds these bytes (README: unaligned checkpoints).
 */
public final class LogRecordSerializer extends VersionedSerializer<LogRecord> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 2;

  /** The type of a stream of decoded lines that travel with this serializer. */
  public static final TypeInformation<LogRecord> TYPE =
      new SerializerTypeInfo<>(LogRecord.class, LogRecordSerializer::new);

  public LogRecordSerializer() {
    this(FORMAT);
  }

  private LogRecordSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected LogRecordSerializer reading(int format) {
    return new LogRecordSerializer(format);
  }

  @Override
  public LogRecord createInstance() {
    return null;
  }

  @Override
  protected void write(LogRecord value, DataOutputView out) throws IOException {
    EventFormat.UTF8.writeRecord(value, out);
  }

  @Override
  protected LogRecord read(int format, DataInputView in) throws IOException {
    return EventFormat.of(format).readRecord(in);
  }

  /** A record's fields are immutable but its attribute map is not: the copy gets its own map. */
  @Override
  public LogRecord copy(LogRecord r) {
    if (r == null) {
      return null;
    }
    return r.withRawAndAttributes(r.raw(), r.attributes());
  }
}
