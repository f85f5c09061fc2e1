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
 * One scope's hop latency, field by field. Format 2: the scope, the open window's start, per
 * service its entry, exit and own-work gap sketches (bucket and count pairs), its callers and its
 * slowest entries; then the recent traces' last lines, least recently continued first so the
 * restored memory forgets in the same order; then the services seen logging times finer than a
 * second; strings as {@link EventFormat#UTF8} writes them. Format 1, the same with Flink's {@code
 * StringValue} strings, is read and migrates. The thresholds are not state: a restored job judges
 * with its own.
 */
public final class ScopeHopsSerializer extends VersionedSerializer<ScopeHops> {
  private static final long serialVersionUID = 1L;
  private static final int FORMAT = 2;

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
    EventFormat.UTF8.writeString(value.scope(), out);
    HopLatency hops = value.hops();
    out.writeLong(hops.windowStart());
    out.writeInt(hops.services().size());
    for (Map.Entry<String, ServiceHops> e : hops.services().entrySet()) {
      EventFormat.UTF8.writeString(e.getKey(), out);
      writeService(e.getValue(), out);
    }
    Map<String, LastLines.LastLine> traces = hops.traces().traces();
    out.writeInt(traces.size());
    for (Map.Entry<String, LastLines.LastLine> t : traces.entrySet()) {
      EventFormat.UTF8.writeString(t.getKey(), out);
      EventFormat.UTF8.writeString(t.getValue().service(), out);
      out.writeLong(t.getValue().time());
    }
    EventFormat.UTF8.writeStrings(List.copyOf(hops.preciseServices()), out);
  }

  @Override
  protected ScopeHops read(int format, DataInputView in) throws IOException {
    EventFormat strings = EventFormat.of(format);
    String scope = strings.readString(in);
    HopLatency hops = new HopLatency();
    long windowStart = in.readLong();
    int services = in.readInt();
    TreeMap<String, ServiceHops> window = new TreeMap<>();
    for (int i = 0; i < services; i++) {
      window.put(strings.readString(in), readService(strings, in));
    }
    hops.restoreWindow(windowStart, window);
    int traces = in.readInt();
    for (int i = 0; i < traces; i++) {
      String traceId = strings.readString(in);
      hops.traces().restore(traceId, new LastLines.LastLine(strings.readString(in), in.readLong()));
    }
    strings.readStrings(in).forEach(hops::restorePrecise);
    return new ScopeHops(scope, hops);
  }

  private static void writeService(ServiceHops s, DataOutputView out) throws IOException {
    writeSketch(s.entries(), out);
    writeSketch(s.exits(), out);
    writeSketch(s.work(), out);
    EventFormat.UTF8.writeStrings(List.copyOf(s.callers()), out);
    out.writeInt(s.slowest().size());
    for (ServiceHops.SlowEntry e : s.slowest()) {
      out.writeLong(e.gapMillis());
      EventFormat.UTF8.writeString(e.caller(), out);
      EventFormat.UTF8.writeString(e.traceId(), out);
      EventFormat.UTF8.writeEvidence(e.line(), out);
    }
  }

  private static ServiceHops readService(EventFormat strings, DataInputView in) throws IOException {
    ServiceHops s = new ServiceHops();
    readSketch(s.entries(), in);
    readSketch(s.exits(), in);
    readSketch(s.work(), in);
    strings.readStrings(in).forEach(s::addCaller);
    int examples = in.readInt();
    for (int i = 0; i < examples; i++) {
      long gap = in.readLong();
      String caller = strings.readString(in);
      String traceId = strings.readString(in);
      s.addExample(new ServiceHops.SlowEntry(gap, caller, traceId, strings.readEvidence(in)));
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
