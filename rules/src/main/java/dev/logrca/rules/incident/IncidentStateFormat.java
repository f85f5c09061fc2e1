package dev.logrca.rules.incident;

import static dev.logrca.core.model.StateData.readCount;
import static dev.logrca.core.model.StateData.readSortedStrings;
import static dev.logrca.core.model.StateData.readString;
import static dev.logrca.core.model.StateData.readStringLongs;
import static dev.logrca.core.model.StateData.writeSortedStrings;
import static dev.logrca.core.model.StateData.writeString;
import static dev.logrca.core.model.StateData.writeStringLongs;

import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.FactFormat;
import dev.logrca.rules.fact.Hypothesis;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * The open incidents of an {@link IncidentBuilder} written field by field, for the correlation
 * engine's checkpoints ({@code CorrelationStateFormat} carries the format number): the incidents in
 * the order they opened, each with its id, span, report order and signals (by key, sorted), then
 * the ids given out and the incidents merged away but not yet reported resolved.
 */
public final class IncidentStateFormat {
  private IncidentStateFormat() {}

  /** Writes {@code b}'s open incidents; its settings are the caller's to write. */
  public static void write(IncidentBuilder b, DataOutput out) throws IOException {
    writeClusters(b.open, out);
    writeStringLongs(b.givenIds, out);
    writeClusters(b.mergedAway, out);
    out.writeLong(b.reported);
  }

  /** Reads what {@link #write} wrote into a builder with {@code config}. */
  public static IncidentBuilder read(CorrelationConfig config, DataInput in) throws IOException {
    IncidentBuilder b = new IncidentBuilder(config);
    readClusters(in, b.open);
    readStringLongs(in, b.givenIds);
    readClusters(in, b.mergedAway);
    b.reported = in.readLong();
    return b;
  }

  private static void writeClusters(List<Cluster> clusters, DataOutput out) throws IOException {
    out.writeInt(clusters.size());
    for (Cluster c : clusters) {
      writeCluster(c, out);
    }
  }

  private static void readClusters(DataInput in, List<Cluster> into) throws IOException {
    int n = readCount(in, "incidents");
    for (int i = 0; i < n; i++) {
      into.add(readCluster(in));
    }
  }

  private static void writeCluster(Cluster c, DataOutput out) throws IOException {
    writeString(c.id, out);
    out.writeLong(c.start);
    out.writeLong(c.end);
    out.writeLong(c.lastActivity);
    writeString(c.rootKey, out);
    out.writeLong(c.reportOrder);
    out.writeBoolean(c.dirty);
    writeSortedStrings(c.services, out);
    out.writeInt(c.hypotheses.size());
    for (Hypothesis h : c.hypotheses.values()) {
      FactFormat.writeHypothesis(h, out);
    }
    out.writeInt(c.anomalies.size());
    for (AnomalyFact a : c.anomalies.values()) {
      FactFormat.writeAnomalyFact(a, out);
    }
  }

  private static Cluster readCluster(DataInput in) throws IOException {
    Cluster c = new Cluster();
    c.id = readString(in);
    c.start = in.readLong();
    c.end = in.readLong();
    c.lastActivity = in.readLong();
    c.rootKey = readString(in);
    c.reportOrder = in.readLong();
    c.dirty = in.readBoolean();
    c.services.addAll(readSortedStrings(in));
    int hypotheses = readCount(in, "conclusions of an incident");
    for (int i = 0; i < hypotheses; i++) {
      Hypothesis h = FactFormat.readHypothesis(in);
      c.hypotheses.put(h.key(), h);
    }
    int anomalies = readCount(in, "anomalies of an incident");
    for (int i = 0; i < anomalies; i++) {
      AnomalyFact a = FactFormat.readAnomalyFact(in);
      c.anomalies.put(a.getId(), a);
    }
    return c;
  }
}
