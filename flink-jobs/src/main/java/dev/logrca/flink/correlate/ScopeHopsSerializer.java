package dev.logrca.flink.correlate;

import dev.logrca.core.topology.GapSketch;
import dev.logrca.core.topology.HopLatency;
import dev.logrca.core.topology.LastLines;
import dev.logrca.core.topology.ServiceHops;
import dev.logrca.flink.state.EventFormat;
import dev.logrca.flink.state.VersionedSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One scope's hop latency, field by field. Format 1: the scope, the open window's start, per
 * service its entry, exit and own-work gap sketches (bucket and count pairs), its callers and its
 * slowest entries; then the recent traces' last lines, least recently continued first so the
 * restored memory forgets in the same order; then the services seen logging times finer than a
 * second. The thresholds are not state: a restored job judges with its own.
 */
public final class ScopeHopsSerializer extends VersionedSerializer<ScopeHops> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 1;

  public ScopeHopsSerializer() {
    this(FORMAT);
  }

  private ScopeHopsSerializer(int format) {
    super(format);
  }

  @Override
  public int currentFormat() {
    return FORMAT;
  }

  @Override
  protected ScopeHopsSerializer reading(int format) {
    return new ScopeHopsSerializer(format);
  }

  @Override
  public ScopeHops createInstance() {
    return null;
  }

  @Override
  protected void write(ScopeHops value, DataOutputView out) throws IOException {
    EventFormat.writeString(value.scope(), out);
    HopLatency hops = value.hops();
    out.writeLong(hops.windowStart());
    out.writeInt(hops.services().size());
    for (Map.Entry<String, ServiceHops> e : hops.services().entrySet()) {
      EventFormat.writeString(e.getKey(), out);
      writeService(e.getValue(), out);
    }
    Map<String, LastLines.LastLine> traces = hops.traces().traces();
    out.writeInt(traces.size());
    for (Map.Entry<String, LastLines.LastLine> t : traces.entrySet()) {
      EventFormat.writeString(t.getKey(), out);
      EventFormat.writeString(t.getValue().service(), out);
      out.writeLong(t.getValue().time());
    }
    EventFormat.writeStrings(List.copyOf(hops.preciseServices()), out);
  }

  @Override
  protected ScopeHops read(int format, DataInputView in) throws IOException {
    String scope = EventFormat.readString(in);
    HopLatency hops = new HopLatency();
    long windowStart = in.readLong();
    int services = in.readInt();
    TreeMap<String, ServiceHops> window = new TreeMap<>();
    for (int i = 0; i < services; i++) {
      window.put(EventFormat.readString(in), readService(in));
    }
    hops.restoreWindow(windowStart, window);
    int traces = in.readInt();
    for (int i = 0; i < traces; i++) {
      String traceId = EventFormat.readString(in);
      hops.traces()
          .restore(traceId, new LastLines.LastLine(EventFormat.readString(in), in.readLong()));
    }
    EventFormat.readStrings(in).forEach(hops::restorePrecise);
    return new ScopeHops(scope, hops);
  }

  private static void writeService(ServiceHops s, DataOutputView out) throws IOException {
    writeSketch(s.entries(), out);
    writeSketch(s.exits(), out);
    writeSketch(s.work(), out);
    EventFormat.writeStrings(List.copyOf(s.callers()), out);
    out.writeInt(s.slowest().size());
    for (ServiceHops.SlowEntry e : s.slowest()) {
      out.writeLong(e.gapMillis());
      EventFormat.writeString(e.caller(), out);
      EventFormat.writeString(e.traceId(), out);
      EventFormat.writeEvidence(e.line(), out);
    }
  }

  private static ServiceHops readService(DataInputView in) throws IOException {
    ServiceHops s = new ServiceHops();
    readSketch(s.entries(), in);
    readSketch(s.exits(), in);
    readSketch(s.work(), in);
    EventFormat.readStrings(in).forEach(s::addCaller);
    int examples = in.readInt();
    for (int i = 0; i < examples; i++) {
      long gap = in.readLong();
      String caller = EventFormat.readString(in);
      String traceId = EventFormat.readString(in);
      s.addExample(new ServiceHops.SlowEntry(gap, caller, traceId, EventFormat.readEvidence(in)));
    }
    return s;
  }

  private static void writeSketch(GapSketch sketch, DataOutputView out) throws IOException {
    out.writeInt(sketch.buckets().size());
    for (Map.Entry<Integer, Long> b : sketch.buckets().entrySet()) {
      out.writeInt(b.getKey());
      out.writeLong(b.getValue());
    }
  }

  private static void readSketch(GapSketch into, DataInputView in) throws IOException {
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      into.addBucket(in.readInt(), in.readLong());
    }
  }
}
