package dev.logrca.flink.state;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The field-by-field form of the model's values inside state and on the job's edges: strings of any
 * length, null included; lists and maps as a count and their entries; enums by name, so reordering
 * their constants changes nothing and a removed one is a clear error. Format 1 of the serializers
 * that use it wrote strings with Flink's {@link StringValue} ({@link #STRING_VALUE}, still read);
 * format 2 on writes them as UTF-8 bytes after their length ({@link #UTF8}, {@link Utf8Strings}).
 */
public final class EventFormat {
  /** Strings as Flink's {@code StringValue} writes them, char by char: format 1. */
  public static final EventFormat STRING_VALUE = new EventFormat(false);

  /** Strings as length-prefixed UTF-8: format 2 on, what every serializer here writes. */
  public static final EventFormat UTF8 = new EventFormat(true);

  private final boolean utf8;

  private EventFormat(boolean utf8) {
    this.utf8 = utf8;
  }

  /**
   * The strings of {@code format} of the serializers built on this class: 1 is {@link
   * #STRING_VALUE}, 2 and later {@link #UTF8}.
   */
  public static EventFormat of(int format) {
    return format == 1 ? STRING_VALUE : UTF8;
  }

  /** Writes a decoded line with its template. */
  public void writeEvent(LogEvent event, DataOutputView out) throws IOException {
    writeRecord(event.record(), out);
    writeString(event.templateId(), out);
    writeString(event.template(), out);
    writeStrings(event.parameters(), out);
    out.writeBoolean(event.newTemplate());
  }

  /** Reads what {@link #writeEvent} wrote. */
  public LogEvent readEvent(DataInputView in) throws IOException {
    LogRecord record = readRecord(in);
    return new LogEvent(record, readString(in), readString(in), readStrings(in), in.readBoolean());
  }

  /** Writes a decoded line. */
  public void writeRecord(LogRecord r, DataOutputView out) throws IOException {
    writeString(r.eventId(), out);
    writeString(r.source(), out);
    out.writeLong(r.line());
    out.writeLong(r.timestamp());
    out.writeBoolean(r.timestampInferred());
    writeString(r.service(), out);
    writeString(r.host(), out);
    writeString(r.level().name(), out);
    writeString(r.logger(), out);
    writeString(r.traceId(), out);
    writeString(r.message(), out);
    writeString(r.raw(), out);
    out.writeInt(r.attributes().size());
    for (Map.Entry<String, String> e : r.attributes().entrySet()) {
      writeString(e.getKey(), out);
      writeString(e.getValue(), out);
    }
    writeString(r.decodeError(), out);
  }

  /** Reads what {@link #writeRecord} wrote. */
  public LogRecord readRecord(DataInputView in) throws IOException {
    String eventId = readString(in);
    String source = readString(in);
    long line = in.readLong();
    long timestamp = in.readLong();
    boolean inferred = in.readBoolean();
    String service = readString(in);
    String host = readString(in);
    Level level = readEnum(Level.class, in);
    String logger = readString(in);
    String traceId = readString(in);
    String message = readString(in);
    String raw = readString(in);
    int n = in.readInt();
    Map<String, String> attributes = new HashMap<>(Math.max(4, n * 2));
    for (int i = 0; i < n; i++) {
      attributes.put(readString(in), readString(in));
    }
    return new LogRecord(
        eventId,
        source,
        line,
        timestamp,
        inferred,
        service,
        host,
        level,
        logger,
        traceId,
        message,
        raw,
        attributes,
        readString(in));
  }

  /** Writes a line of evidence. */
  public void writeEvidence(Evidence e, DataOutputView out) throws IOException {
    out.writeLong(e.timestamp());
    writeString(e.service(), out);
    writeString(e.templateId(), out);
    writeString(e.message(), out);
    writeString(e.eventId(), out);
  }

  /** Reads what {@link #writeEvidence} wrote. */
  public Evidence readEvidence(DataInputView in) throws IOException {
    return new Evidence(
        in.readLong(), readString(in), readString(in), readString(in), readString(in));
  }

  /** Writes a string of any length, or null. */
  public void writeString(String s, DataOutputView out) throws IOException {
    if (utf8) {
      Utf8Strings.write(s, out);
    } else {
      StringValue.writeString(s, out);
    }
  }

  /** Reads what {@link #writeString} wrote. */
  public String readString(DataInputView in) throws IOException {
    return utf8 ? Utf8Strings.read(in) : StringValue.readString(in);
  }

  /** Writes a list of strings (its elements may be null). */
  public void writeStrings(List<String> list, DataOutputView out) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(s, out);
    }
  }

  /** Reads what {@link #writeStrings} wrote. */
  public List<String> readStrings(DataInputView in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /** Reads an enum constant written by name; a name this release does not know is an error. */
  public <E extends Enum<E>> E readEnum(Class<E> type, DataInputView in) throws IOException {
    String name = readString(in);
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "state names " + type.getSimpleName() + " " + name + ", which this release does not know",
          e);
    }
  }
}
