package dev.logrca.core.detect;

import static dev.logrca.core.detect.StateIO.count;
import static dev.logrca.core.detect.StateIO.readSample;
import static dev.logrca.core.detect.StateIO.writeSample;
import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.readStringLongs;
import static dev.logrca.core.model.StateData.readStringStrings;
import static dev.logrca.core.model.StateData.writeString;
import static dev.logrca.core.model.StateData.writeStringLongs;
import static dev.logrca.core.model.StateData.writeStringStrings;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.StateData;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;

/**
 * An open window's counts ({@link WindowAccumulator}) written field by field, for Flink state that
 * must survive an upgrade: format 1 is total, errors, warnings, then template counts, texts, first
 * lines, new templates, error samples, worst levels (by name) and duration sketches. The version
 * number lives with the caller's serializer; a change here is a new format there.
 */
public final class WindowStateFormat {
  /** The format {@link #write} writes. */
  public static final int FORMAT = 1;

  private WindowStateFormat() {}

  /** Writes {@code acc} in format {@link #FORMAT}. */
  public static void write(WindowAccumulator acc, DataOutput out) throws IOException {
    out.writeLong(acc.total);
    out.writeLong(acc.errors);
    out.writeLong(acc.warnings);
    writeStringLongs(acc.templateCounts, out);
    writeStringStrings(acc.templateTexts, out);
    out.writeInt(acc.firstLines.size());
    for (Map.Entry<String, SampleLine> e : acc.firstLines.entrySet()) {
      writeString(e.getKey(), out);
      writeSample(e.getValue(), out);
    }
    StateData.writeStrings(acc.newTemplates.stream().toList(), out);
    out.writeInt(acc.errorSamples.size());
    for (SampleLine line : acc.errorSamples) {
      writeSample(line, out);
    }
    out.writeInt(acc.worstLevels.size());
    for (Map.Entry<String, Level> e : acc.worstLevels.entrySet()) {
      writeString(e.getKey(), out);
      writeString(e.getValue().name(), out);
    }
    out.writeInt(acc.durations.size());
    for (Map.Entry<String, DurationSketch> e : acc.durations.entrySet()) {
      writeString(e.getKey(), out);
      writeSketch(e.getValue(), out);
    }
  }

  /** Reads an accumulator written in {@code format}. */
  public static WindowAccumulator read(int format, DataInput in) throws IOException {
    requireKnown(format);
    WindowAccumulator acc = new WindowAccumulator();
    acc.total = in.readLong();
    acc.errors = in.readLong();
    acc.warnings = in.readLong();
    readStringLongs(in, acc.templateCounts);
    readStringStrings(in, acc.templateTexts);
    int firstLines = count(in.readInt(), "first lines");
    for (int i = 0; i < firstLines; i++) {
      acc.firstLines.put(readString(in), readSample(in));
    }
    acc.newTemplates.addAll(StateData.readStrings(in));
    int samples = count(in.readInt(), "error samples");
    for (int i = 0; i < samples; i++) {
      acc.errorSamples.add(readSample(in));
    }
    int levels = count(in.readInt(), "worst levels");
    for (int i = 0; i < levels; i++) {
      acc.worstLevels.put(readString(in), level(readString(in)));
    }
    int durations = count(in.readInt(), "duration sketches");
    for (int i = 0; i < durations; i++) {
      acc.durations.put(readString(in), readSketch(in));
    }
    return acc;
  }

  private static void writeSketch(DurationSketch sketch, DataOutput out) throws IOException {
    out.writeLong(sketch.count);
    out.writeInt(sketch.buckets.size());
    for (Map.Entry<Integer, Long> e : sketch.buckets.entrySet()) {
      out.writeInt(e.getKey());
      out.writeLong(e.getValue());
    }
    out.writeInt(sketch.firstLines.size());
    for (Map.Entry<Integer, SampleLine> e : sketch.firstLines.entrySet()) {
      out.writeInt(e.getKey());
      writeSample(e.getValue(), out);
    }
  }

  private static DurationSketch readSketch(DataInput in) throws IOException {
    DurationSketch sketch = new DurationSketch();
    sketch.count = in.readLong();
    int buckets = count(in.readInt(), "sketch buckets");
    for (int i = 0; i < buckets; i++) {
      sketch.buckets.put(in.readInt(), in.readLong());
    }
    int lines = count(in.readInt(), "sketch lines");
    for (int i = 0; i < lines; i++) {
      sketch.firstLines.put(in.readInt(), readSample(in));
    }
    return sketch;
  }

  private static Level level(String name) throws IOException {
    try {
      return Level.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IOException("detector state names an unknown level " + name, e);
    }
  }

  static void requireKnown(int format) throws IOException {
    if (format != FORMAT) {
      throw new IOException("detector state format " + format + " is unknown to this release");
    }
  }
}
