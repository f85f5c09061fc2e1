package dev.logrca.core.detect;

import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.writeString;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The detector state formats' own building blocks: arrays with their length, sample lines, and
 * counts checked on reading so corrupt bytes fail with a message rather than a huge allocation.
 * Strings, lists and maps are {@link dev.logrca.core.model.StateData}'s, shared with the other
 * state formats.
 */
final class StateIO {
  /** Larger counts than this are not state this code wrote. */
  private static final int MAX_COUNT = 1 << 24;

  private StateIO() {}

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
