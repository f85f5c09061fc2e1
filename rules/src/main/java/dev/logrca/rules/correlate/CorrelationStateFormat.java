package dev.logrca.rules.correlate;

import static dev.logrca.core.model.StateData.readCount;
import static dev.logrca.core.model.StateData.readEnum;
import static dev.logrca.core.model.StateData.readEvent;
import static dev.logrca.core.model.StateData.readSortedStrings;
import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.readStringLongs;
import static dev.logrca.core.model.StateData.readStringStrings;
import static dev.logrca.core.model.StateData.readStrings;
import static dev.logrca.core.model.StateData.writeEnum;
import static dev.logrca.core.model.StateData.writeEvent;
import static dev.logrca.core.model.StateData.writeSortedStrings;
import static dev.logrca.core.model.StateData.writeString;
import static dev.logrca.core.model.StateData.writeStringLongs;
import static dev.logrca.core.model.StateData.writeStringStrings;
import static dev.logrca.core.model.StateData.writeStrings;

import dev.logrca.core.model.Level;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.FactFormat;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.incident.IncidentStateFormat;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link CorrelationState} written field by field, with no Java serialisation: the state a Flink
 * checkpoint keeps of a correlation scope. Format 1: the clock; the settings; the configured and
 * the observed call graph (services sorted, each with its sorted callees); the live log facts, live
 * anomalies, conclusions not yet reported and anomalies not yet grouped, each list in its own
 * order; what services did; the open incidents ({@link IncidentStateFormat}); the stack traces held
 * per source; the lines of the current second not yet handed to the rules, in the order they came.
 * Every set and map is written in sorted order (or the order the engine depends on), so equal
 * states give equal bytes. The caller's serializer keeps the format number beside the bytes.
 */
public final class CorrelationStateFormat {
  /** The format {@link #write} writes. */
  public static final int FORMAT = 1;

  private CorrelationStateFormat() {}

  /** Writes {@code state} in format {@link #FORMAT}. */
  public static void write(CorrelationState state, DataOutput out) throws IOException {
    out.writeLong(state.clock);
    writeConfig(state.config, out);
    writeTopology(state.configured, out);
    writeTopology(state.observed, out);
    out.writeInt(state.logs.size());
    for (LogFact f : state.logs) {
      FactFormat.writeLogFact(f, out);
    }
    writeAnomalies(state.anomalies, out);
    out.writeInt(state.unreported.size());
    for (Hypothesis h : state.unreported) {
      FactFormat.writeHypothesis(h, out);
    }
    writeAnomalies(state.pendingAnomalies, out);
    writeActivity(state.activity, out);
    IncidentStateFormat.write(state.incidents, out);
    writeFolder(state.folder, out);
    writeRepeated(state.repeated == null ? new RepeatedLines() : state.repeated, out);
  }

  /** Reads a state written in {@code format}. */
  public static CorrelationState read(int format, DataInput in) throws IOException {
    if (format != FORMAT) {
      throw new IOException(
          "correlation state format " + format + " is unknown to this release (it reads 1)");
    }
    long clock = in.readLong();
    CorrelationConfig config = readConfig(in);
    Topology configured = readTopology(in);
    Topology observed = readTopology(in);
    int n = readCount(in, "log facts");
    List<LogFact> logs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      logs.add(FactFormat.readLogFact(in));
    }
    List<AnomalyFact> anomalies = readAnomalies(in);
    int h = readCount(in, "unreported conclusions");
    List<Hypothesis> unreported = new ArrayList<>(h);
    for (int i = 0; i < h; i++) {
      unreported.add(FactFormat.readHypothesis(in));
    }
    List<AnomalyFact> pending = readAnomalies(in);
    return new CorrelationState(
        clock,
        config,
        configured,
        observed,
        logs,
        anomalies,
        unreported,
        pending,
        readActivity(in),
        IncidentStateFormat.read(config, in),
        readFolder(in),
        readRepeated(in));
  }

  private static void writeConfig(CorrelationConfig c, DataOutput out) throws IOException {
    out.writeLong(c.groupWindowMillis());
    out.writeLong(c.quietPeriodMillis());
    out.writeDouble(c.minConfidence());
    out.writeDouble(c.unknownMinScore());
    out.writeInt(c.unknownMinAnomalies());
    out.writeLong(c.silenceMillis());
    out.writeLong(c.troubleMillis());
  }

  private static CorrelationConfig readConfig(DataInput in) throws IOException {
    try {
      return new CorrelationConfig(
          in.readLong(),
          in.readLong(),
          in.readDouble(),
          in.readDouble(),
          in.readInt(),
          in.readLong(),
          in.readLong());
    } catch (IllegalArgumentException e) {
      throw new IOException("correlation state is corrupt: " + e.getMessage(), e);
    }
  }

  private static void writeTopology(Topology t, DataOutput out) throws IOException {
    out.writeInt(t.services().size());
    for (String service : t.services()) {
      writeString(service, out);
      writeStrings(t.callees(service), out);
    }
  }

  private static Topology readTopology(DataInput in) throws IOException {
    Topology t = new Topology();
    int n = readCount(in, "services");
    for (int i = 0; i < n; i++) {
      String service = readString(in);
      t.addService(service);
      for (String callee : readStrings(in)) {
        t.addCall(service, callee);
      }
    }
    return t;
  }

  private static void writeAnomalies(List<AnomalyFact> anomalies, DataOutput out)
      throws IOException {
    out.writeInt(anomalies.size());
    for (AnomalyFact a : anomalies) {
      FactFormat.writeAnomalyFact(a, out);
    }
  }

  private static List<AnomalyFact> readAnomalies(DataInput in) throws IOException {
    int n = readCount(in, "anomalies");
    List<AnomalyFact> anomalies = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      anomalies.add(FactFormat.readAnomalyFact(in));
    }
    return anomalies;
  }

  private static void writeActivity(ServiceActivity a, DataOutput out) throws IOException {
    writeStringLongs(a.firstSeen, out);
    writeStringLongs(a.lastSeen, out);
    writeStringLongs(a.lastTrouble, out);
    writeStringStrings(a.serviceOfHost, out);
    writeStringStrings(a.nameOfAddress, out);
  }

  private static ServiceActivity readActivity(DataInput in) throws IOException {
    ServiceActivity a = new ServiceActivity();
    readStringLongs(in, a.firstSeen);
    readStringLongs(in, a.lastSeen);
    readStringLongs(in, a.lastTrouble);
    readStringStrings(in, a.serviceOfHost);
    readStringStrings(in, a.nameOfAddress);
    return a;
  }

  private static void writeFolder(StackTraceFolder folder, DataOutput out) throws IOException {
    out.writeInt(folder.pending.size());
    for (Map.Entry<String, StackTraceFolder.Pending> e : folder.pending.entrySet()) {
      StackTraceFolder.Pending p = e.getValue();
      writeString(e.getKey(), out);
      writeEvent(p.head, out);
      writeSortedStrings(p.signals, out);
      writeStrings(p.details, out);
      out.writeInt(p.lines);
    }
  }

  private static StackTraceFolder readFolder(DataInput in) throws IOException {
    StackTraceFolder folder = new StackTraceFolder();
    int n = readCount(in, "held stack traces");
    for (int i = 0; i < n; i++) {
      String source = readString(in);
      StackTraceFolder.Pending p =
          new StackTraceFolder.Pending(readEvent(in), readSortedStrings(in));
      p.details.addAll(readStrings(in));
      p.lines = in.readInt();
      folder.pending.put(source, p);
    }
    return folder;
  }

  private static void writeRepeated(RepeatedLines repeated, DataOutput out) throws IOException {
    out.writeLong(repeated.second);
    out.writeInt(repeated.open.size());
    for (Map.Entry<RepeatedLines.Key, LogFact> e : repeated.open.entrySet()) {
      RepeatedLines.Key k = e.getKey();
      writeString(k.service(), out);
      writeString(k.host(), out);
      writeEnum(k.level(), out);
      writeString(k.templateId(), out);
      out.writeBoolean(k.newTemplate());
      writeSortedStrings(k.signals(), out);
      writeString(k.target(), out);
      writeString(k.dependency(), out);
      out.writeBoolean(k.dependencyKnown());
      FactFormat.writeLogFact(e.getValue(), out);
    }
  }

  private static RepeatedLines readRepeated(DataInput in) throws IOException {
    RepeatedLines repeated = new RepeatedLines();
    repeated.second = in.readLong();
    int n = readCount(in, "lines of the current second");
    for (int i = 0; i < n; i++) {
      RepeatedLines.Key key =
          new RepeatedLines.Key(
              readString(in),
              readString(in),
              readEnum(Level.class, in),
              readString(in),
              in.readBoolean(),
              readSortedStrings(in),
              readString(in),
              readString(in),
              in.readBoolean());
      repeated.open.put(key, FactFormat.readLogFact(in));
    }
    return repeated;
  }
}
