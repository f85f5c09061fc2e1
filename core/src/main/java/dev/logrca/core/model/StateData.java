package dev.logrca.core.model;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The building blocks of the explicit state formats outside Flink (the correlation engine's, the
 * topology inference's): nullable strings as UTF-8 with a length (no 64 KB limit), enums by name,
 * sets and maps in sorted order so that equal state gives equal bytes, and the model's lines.
 * Counts are checked on reading, so corrupt bytes fail with a message rather than a huge
 * allocation.
 */
public final class StateData {
  /** Larger counts than this are not state this code wrote. */
  private static final int MAX_COUNT = 1 << 24;

  private StateData() {}

  /**
   * Writes a string of any length, or null; onto a {@link StateOutput}, a string written before is
   * written as a reference to it.
   */
  public static void writeString(String s, DataOutput out) throws IOException {
    if (s == null) {
      out.writeInt(-1);
    } else if (out instanceof StateOutput shared) {
      shared.writeShared(s);
    } else {
      writeNew(s, out);
    }
  }

  /** A string in full: its UTF-8 length and bytes. */
  static void writeNew(String s, DataOutput out) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads what {@link #writeString} wrote (from a {@link StateInput} what a StateOutput wrote). */
  public static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    if (length < -1 && in instanceof StateInput shared) {
      return shared.shared(length);
    }
    byte[] bytes = new byte[count(length, "string length")];
    in.readFully(bytes);
    String s = new String(bytes, StandardCharsets.UTF_8);
    if (in instanceof StateInput shared) {
      shared.remember(s);
    }
    return s;
  }

  /** Reads a count and checks it: a negative or absurd one means the bytes are not this format. */
  public static int readCount(DataInput in, String what) throws IOException {
    return count(in.readInt(), what);
  }

  private static int count(int n, String what) throws IOException {
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("state is corrupt: " + what + " " + n);
    }
    return n;
  }

  /** Writes an enum constant by name, so that reordering the constants changes nothing. */
  public static void writeEnum(Enum<?> value, DataOutput out) throws IOException {
    writeString(value == null ? null : value.name(), out);
  }

  /** Reads an enum constant by name; a name this release does not know is an error. */
  public static <E extends Enum<E>> E readEnum(Class<E> type, DataInput in) throws IOException {
    String name = readString(in);
    if (name == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IOException(type.getSimpleName() + " " + name + " is unknown to this release", e);
    }
  }

  /** Writes strings in the collection's own order (sort it first when that order is arbitrary). */
  public static void writeStrings(Collection<String> values, DataOutput out) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeString(v, out);
    }
  }

  /** Reads what {@link #writeStrings} wrote. */
  public static ArrayList<String> readStrings(DataInput in) throws IOException {
    int n = readCount(in, "list size");
    ArrayList<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(readString(in));
    }
    return values;
  }

  /** Writes a set of strings sorted (null stays null). */
  public static void writeSortedStrings(Collection<String> values, DataOutput out)
      throws IOException {
    out.writeBoolean(values != null);
    if (values != null) {
      writeStrings(new TreeSet<>(values), out);
    }
  }

  /** Reads what {@link #writeSortedStrings} wrote. */
  public static TreeSet<String> readSortedStrings(DataInput in) throws IOException {
    return in.readBoolean() ? new TreeSet<>(readStrings(in)) : null;
  }

  /** Writes a map of strings to longs by sorted key. */
  public static void writeStringLongs(Map<String, Long> map, DataOutput out) throws IOException {
    SortedMap<String, Long> sorted =
        map instanceof SortedMap<String, Long> s ? s : new TreeMap<>(map);
    out.writeInt(sorted.size());
    for (Map.Entry<String, Long> e : sorted.entrySet()) {
      writeString(e.getKey(), out);
      out.writeLong(e.getValue());
    }
  }

  /** Reads what {@link #writeStringLongs} wrote into {@code into}. */
  public static void readStringLongs(DataInput in, Map<String, Long> into) throws IOException {
    int n = readCount(in, "map size");
    for (int i = 0; i < n; i++) {
      into.put(readString(in), in.readLong());
    }
  }

  /** Writes a map of strings to strings by sorted key. */
  public static void writeStringStrings(Map<String, String> map, DataOutput out)
      throws IOException {
    SortedMap<String, String> sorted =
        map instanceof SortedMap<String, String> s ? s : new TreeMap<>(map);
    out.writeInt(sorted.size());
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      writeString(e.getKey(), out);
      writeString(e.getValue(), out);
    }
  }

  /** Reads what {@link #writeStringStrings} wrote into {@code into}. */
  public static void readStringStrings(DataInput in, Map<String, String> into) throws IOException {
    int n = readCount(in, "map size");
    for (int i = 0; i < n; i++) {
      into.put(readString(in), readString(in));
    }
  }

  /** Writes a decoded line, every field. */
  public static void writeRecord(LogRecord r, DataOutput out) throws IOException {
    writeString(r.eventId(), out);
    writeString(r.source(), out);
    out.writeLong(r.line());
    out.writeLong(r.timestamp());
    out.writeBoolean(r.timestampInferred());
    writeString(r.service(), out);
    writeString(r.host(), out);
    writeEnum(r.level(), out);
    writeString(r.logger(), out);
    writeString(r.traceId(), out);
    writeString(r.message(), out);
    writeString(r.raw(), out);
    writeStringStrings(r.attributes(), out);
    writeString(r.decodeError(), out);
  }

  /** Reads what {@link #writeRecord} wrote. */
  public static LogRecord readRecord(DataInput in) throws IOException {
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
    Map<String, String> attributes = new HashMap<>();
    readStringStrings(in, attributes);
    String decodeError = readString(in);
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
        decodeError);
  }

  /** Writes a decoded line with its template. */
  public static void writeEvent(LogEvent event, DataOutput out) throws IOException {
    writeRecord(event.record(), out);
    writeString(event.templateId(), out);
    writeString(event.template(), out);
    writeStrings(event.parameters(), out);
    out.writeBoolean(event.newTemplate());
  }

  /** Reads what {@link #writeEvent} wrote. */
  public static LogEvent readEvent(DataInput in) throws IOException {
    LogRecord record = readRecord(in);
    String templateId = readString(in);
    String template = readString(in);
    List<String> parameters = readStrings(in);
    return new LogEvent(record, templateId, template, parameters, in.readBoolean());
  }
}
