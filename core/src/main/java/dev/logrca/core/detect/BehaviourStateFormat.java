package dev.logrca.core.detect;

import static dev.logrca.core.detect.StateIO.count;
import static dev.logrca.core.detect.StateIO.readDoubles;
import static dev.logrca.core.detect.StateIO.writeDoubles;
import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.writeString;

import dev.logrca.core.model.StateData;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's detectors ({@link ServiceBehaviour}) written field by field, for Flink state that
 * must survive an upgrade. Format 1: the detector settings, the rate detector (error baseline,
 * template histories, dropped templates), the latency detector, the isolation forest's training
 * windows and vectors (the forest itself is regrown from them), the template mix, then the
 * behaviour's window count and last window end. The version number lives with the caller's
 * serializer; a change here is a new format there.
 */
public final class BehaviourStateFormat {
  /** The format {@link #write} writes. */
  public static final int FORMAT = 1;

  private BehaviourStateFormat() {}

  /** Writes {@code b} in format {@link #FORMAT}. */
  public static void write(ServiceBehaviour b, DataOutput out) throws IOException {
    DetectorConfigFormat.write(b.config, out);
    writeRates(b.rates, out);
    writeLatencies(b.latencies, out);
    OutlierStateFormat.write(b.outliers, out);
    writeMix(b.mix == null ? new TemplateMixShift() : b.mix, out);
    out.writeLong(b.windowsSeen);
    out.writeLong(b.lastEnd);
  }

  /** Reads a behaviour written in {@code format}. */
  public static ServiceBehaviour read(int format, DataInput in) throws IOException {
    if (format != FORMAT) {
      throw new IOException("service behaviour format " + format + " is unknown to this release");
    }
    DetectorConfig config = DetectorConfigFormat.read(in);
    ServiceBehaviour b =
        new ServiceBehaviour(
            config,
            readRates(config, in),
            readLatencies(config, in),
            OutlierStateFormat.read(config, in),
            readMix(in));
    b.windowsSeen = in.readLong();
    b.lastEnd = in.readLong();
    return b;
  }

  private static void writeRates(RateSurgeDetector rates, DataOutput out) throws IOException {
    writeBaseline(rates.errorBaseline, out);
    out.writeInt(rates.templates.size());
    for (Map.Entry<String, RateSurgeDetector.TemplateHistory> e : rates.templates.entrySet()) {
      RateSurgeDetector.TemplateHistory h = e.getValue();
      writeString(e.getKey(), out);
      writeBaseline(h.counts, out);
      writeString(h.text, out);
      out.writeBoolean(h.lastLine != null);
      if (h.lastLine != null) {
        StateIO.writeSample(h.lastLine, out);
      }
    }
    StateData.writeStrings(rates.dropped.stream().toList(), out);
    out.writeInt(rates.windowsSeen);
  }

  private static RateSurgeDetector readRates(DetectorConfig config, DataInput in)
      throws IOException {
    RateSurgeDetector rates = new RateSurgeDetector(config, readBaseline(in));
    int n = count(in.readInt(), "rate histories");
    for (int i = 0; i < n; i++) {
      String id = readString(in);
      RateSurgeDetector.TemplateHistory h = new RateSurgeDetector.TemplateHistory(readBaseline(in));
      h.text = readString(in);
      h.lastLine = in.readBoolean() ? StateIO.readSample(in) : null;
      rates.templates.put(id, h);
    }
    rates.dropped.addAll(StateData.readStrings(in));
    rates.windowsSeen = in.readInt();
    return rates;
  }

  private static void writeBaseline(RobustBaseline b, DataOutput out) throws IOException {
    StateIO.writeLongs(b.values, out);
    out.writeInt(b.size);
    out.writeInt(b.next);
  }

  private static RobustBaseline readBaseline(DataInput in) throws IOException {
    long[] values = StateIO.readLongs(in);
    RobustBaseline b = new RobustBaseline(values.length);
    System.arraycopy(values, 0, b.values, 0, values.length);
    b.size = in.readInt();
    b.next = in.readInt();
    return b;
  }

  private static void writeLatencies(LatencyShiftDetector d, DataOutput out) throws IOException {
    out.writeInt(d.templates.size());
    for (Map.Entry<String, LatencyShiftDetector.History> e : d.templates.entrySet()) {
      LatencyShiftDetector.History h = e.getValue();
      writeString(e.getKey(), out);
      writeDoubles(h.medians, out);
      writeDoubles(h.tails, out);
      out.writeInt(h.size);
      out.writeInt(h.next);
      out.writeLong(h.lastWindow);
    }
    out.writeLong(d.windowsSeen);
  }

  private static LatencyShiftDetector readLatencies(DetectorConfig config, DataInput in)
      throws IOException {
    LatencyShiftDetector d = new LatencyShiftDetector(config);
    int n = count(in.readInt(), "latency histories");
    for (int i = 0; i < n; i++) {
      String id = readString(in);
      double[] medians = readDoubles(in);
      double[] tails = readDoubles(in);
      if (medians == null || tails == null || medians.length != tails.length) {
        throw new IOException("detector state is corrupt: latency history of " + id);
      }
      LatencyShiftDetector.History h = new LatencyShiftDetector.History(medians.length);
      System.arraycopy(medians, 0, h.medians, 0, medians.length);
      System.arraycopy(tails, 0, h.tails, 0, tails.length);
      h.size = in.readInt();
      h.next = in.readInt();
      h.lastWindow = in.readLong();
      d.templates.put(id, h);
    }
    d.windowsSeen = in.readLong();
    return d;
  }

  private static void writeMix(TemplateMixShift mix, DataOutput out) throws IOException {
    out.writeInt(mix.usual.size());
    for (Map.Entry<String, Double> e : mix.usual.entrySet()) {
      writeString(e.getKey(), out);
      out.writeDouble(e.getValue());
    }
    StateData.writeStringStrings(mix.texts, out);
    out.writeInt(mix.recent.size());
    for (double d : mix.recent) {
      out.writeDouble(d);
    }
    out.writeInt(mix.windowsLearned);
  }

  private static TemplateMixShift readMix(DataInput in) throws IOException {
    TemplateMixShift mix = new TemplateMixShift();
    int n = count(in.readInt(), "usual mix");
    HashMap<String, Double> usual = mix.usual;
    for (int i = 0; i < n; i++) {
      usual.put(readString(in), in.readDouble());
    }
    StateData.readStringStrings(in, mix.texts);
    int recent = count(in.readInt(), "recent divergences");
    for (int i = 0; i < recent; i++) {
      mix.recent.addLast(in.readDouble());
    }
    mix.windowsLearned = in.readInt();
    return mix;
  }
}
