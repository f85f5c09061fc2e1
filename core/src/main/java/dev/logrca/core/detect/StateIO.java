package dev.logrca.core.detect;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The building blocks of the detector state formats: nullable strings as UTF-8 with a length (no 64
 * KB limit, unlike {@code writeUTF}: a sample line may be long), arrays with their length, and
 * counts checked on reading so corrupt bytes fail with a message rather than a huge allocation.
 */
final class StateIO {
  /** Larger counts than this are not state this code wrote. */
  private static final int MAX_COUNT = 1 << 24;

  private StateIO() {}

  static void writeString(String s, DataOutput out) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readString(DataInput in) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      return null;
    }
    byte[] bytes = new byte[count(length, "string length")];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A size read back, checked: negative or absurd sizes mean the bytes are not this format. */
  static int count(int n, String what) throws IOException {
    if (n < 0 || n > MAX_COUNT) {
      throw new IOException("detector state is corrupt: " + what + " " + n);
    }
    return n;
  }

  static void writeLongs(long[] values, DataOutput out) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  static long[] readLongs(DataInput in) throws IOException {
    long[] values = new long[count(in.readInt(), "array length")];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readLong();
    }
    return values;
  }

  /** A nullable array of doubles. */
  static void writeDoubles(double[] values, DataOutput out) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  static double[] readDoubles(DataInput in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    double[] values = new double[count(n, "array length")];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  static void writeStrings(List<String> values, DataOutput out) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeString(v, out);
    }
  }

  static ArrayList<String> readStrings(DataInput in) throws IOException {
    int n = count(in.readInt(), "list size");
    ArrayList<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(readString(in));
    }
    return values;
  }

  static void writeStringLongs(Map<String, Long> map, DataOutput out) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Long> e : map.entrySet()) {
      writeString(e.getKey(), out);
      out.writeLong(e.getValue());
    }
  }

  static void readStringLongs(DataInput in, Map<String, Long> into) throws IOException {
    int n = count(in.readInt(), "map size");
    for (int i = 0; i < n; i++) {
      into.put(readString(in), in.readLong());
    }
  }

  static void writeStringStrings(Map<String, String> map, DataOutput out) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, String> e : map.entrySet()) {
      writeString(e.getKey(), out);
      writeString(e.getValue(), out);
    }
  }

  static void readStringStrings(DataInput in, Map<String, String> into) throws IOException {
    int n = count(in.readInt(), "map size");
    for (int i = 0; i < n; i++) {
      into.put(readString(in), readString(in));
    }
  }

  static void writeSample(SampleLine line, DataOutput out) throws IOException {
    out.writeLong(line.timestamp());
    writeString(line.service(), out);
    writeString(line.templateId(), out);
    writeString(line.message(), out);
    writeString(line.eventId(), out);
  }

  static SampleLine readSample(DataInput in) throws IOException {
    return new SampleLine(
        in.readLong(), readString(in), readString(in), readString(in), readString(in));
  }
}
