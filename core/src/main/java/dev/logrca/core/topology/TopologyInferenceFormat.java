package dev.logrca.core.topology;

import static dev.logrca.core.model.StateData.readCount;
import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.readStringLongs;
import static dev.logrca.core.model.StateData.readStringStrings;
import static dev.logrca.core.model.StateData.writeString;
import static dev.logrca.core.model.StateData.writeStringLongs;
import static dev.logrca.core.model.StateData.writeStringStrings;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link TopologyInference} learned, written field by field for checkpoints, with no Java
 * serialisation. Format 1: its settings, the recent traces oldest first (each with its services'
 * first and last time, sorted by service), the known services and hosts, and the sightings of calls
 * by traces and by mentions, every map in sorted order so equal states give equal bytes. The
 * caller's serializer keeps the format number.
 */
public final class TopologyInferenceFormat {
  /** The format {@link #write} writes. */
  public static final int FORMAT = 1;

  private TopologyInferenceFormat() {}

  /** Writes {@code t} in format {@link #FORMAT}. */
  public static void write(TopologyInference t, DataOutput out) throws IOException {
    out.writeInt(t.minObservations());
    out.writeInt(t.traces.capacity);
    out.writeInt(t.traces.spans.size());
    for (Map.Entry<String, HashMap<String, long[]>> trace : t.traces.spans.entrySet()) {
      writeString(trace.getKey(), out);
      TreeMap<String, long[]> services = new TreeMap<>(trace.getValue());
      out.writeInt(services.size());
      for (Map.Entry<String, long[]> span : services.entrySet()) {
        writeString(span.getKey(), out);
        out.writeLong(span.getValue()[0]);
        out.writeLong(span.getValue()[1]);
      }
    }
    writeStringStrings(t.services, out);
    writeStringStrings(t.hosts, out);
    writeSightings(t.traceCalls, out);
    writeSightings(t.mentions, out);
  }

  /** Reads an inference written in {@code format}. */
  public static TopologyInference read(int format, DataInput in) throws IOException {
    if (format != FORMAT) {
      throw new IOException("topology inference format " + format + " is unknown to this release");
    }
    int minObservations = in.readInt();
    int capacity = in.readInt();
    if (minObservations < 1 || capacity < 1) {
      throw new IOException(
          "topology inference state is corrupt: settings " + minObservations + ", " + capacity);
    }
    TopologyInference t = new TopologyInference(minObservations, capacity);
    int traces = readCount(in, "traces");
    for (int i = 0; i < traces; i++) {
      String traceId = readString(in);
      int n = readCount(in, "services of a trace");
      HashMap<String, long[]> spans = new HashMap<>(Math.max(4, n * 2));
      for (int j = 0; j < n; j++) {
        spans.put(readString(in), new long[] {in.readLong(), in.readLong()});
      }
      t.traces.spans.put(traceId, spans);
    }
    readStringStrings(in, t.services);
    readStringStrings(in, t.hosts);
    readSightings(in, t.traceCalls);
    readSightings(in, t.mentions);
    return t;
  }

  private static void writeSightings(Map<String, HashMap<String, Long>> byCaller, DataOutput out)
      throws IOException {
    TreeMap<String, HashMap<String, Long>> sorted = new TreeMap<>(byCaller);
    out.writeInt(sorted.size());
    for (Map.Entry<String, HashMap<String, Long>> e : sorted.entrySet()) {
      writeString(e.getKey(), out);
      writeStringLongs(e.getValue(), out);
    }
  }

  private static void readSightings(DataInput in, Map<String, HashMap<String, Long>> into)
      throws IOException {
    int n = readCount(in, "callers");
    for (int i = 0; i < n; i++) {
      String caller = readString(in);
      HashMap<String, Long> callees = new HashMap<>();
      readStringLongs(in, callees);
      into.put(caller, callees);
    }
  }
}
