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
 * The field-by-field form of the model's values inside state (format 1 of the serializers that use
 * it): strings of any length, null included; lists and maps as a count and their entries; enums by
 * name, so reordering their constants changes nothing and a removed one is a clear error.
 */
public final class EventFormat {
  private EventFormat() {}

  /** Writes a decoded line with its template. */
  public static void writeEvent(LogEvent event, DataOutputView out) throws IOException {
    writeRecord(event.record(), out);
    writeString(event.templateId(), out);
    writeString(event.template(), out);
    writeStrings(event.parameters(), out);
    out.writeBoolean(event.newTemplate());
  }

  /** Reads what {@link #writeEvent} wrote. */
  public static LogEvent readEvent(DataInputView in) throws IOException {
    LogRecord record = readRecord(in);
    return new LogEvent(record, readString(in), readString(in), readStrings(in), in.readBoolean());
  }

  /** Writes a decoded line. */
  public static void writeRecord(LogRecord r, DataOutputView out) throws IOException {
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
  public static LogRecord readRecord(DataInputView in) throws IOException {
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
  public static void writeEvidence(Evidence e, DataOutputView out) throws IOException {
    out.writeLong(e.timestamp());
    writeString(e.service(), out);
    writeString(e.templateId(), out);
    writeString(e.message(), out);
    writeString(e.eventId(), out);
  }

  /** Reads what {@link #writeEvidence} wrote. */
  public static Evidence readEvidence(DataInputView in) throws IOException {
    return new Evidence(
        in.readLong(), readString(in), readString(in), readString(in), readString(in));
  }

  /** Writes a string of any length, or null. */
  public static void writeString(String s, DataOutputView out) throws IOException {
    StringValue.writeString(s, out);
  }

  /** Reads what {@link #writeString} wrote. */
  public static String readString(DataInputView in) throws IOException {
    return StringValue.readString(in);
  }

  /** Writes a list of strings (its elements may be null). */
  public static void writeStrings(List<String> list, DataOutputView out) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      writeString(s, out);
    }
  }

  /** Reads what {@link #writeStrings} wrote. */
  public static List<String> readStrings(DataInputView in) throws IOException {
    int n = in.readInt();
    List<String> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(readString(in));
    }
    return list;
  }

  /** Reads an enum constant written by name; a name this release does not know is an error. */
  public static <E extends Enum<E>> E readEnum(Class<E> type, DataInputView in) throws IOException {
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
