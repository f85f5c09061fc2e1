package dev.logrca.core.detect;

import static dev.logrca.core.detect.StateIO.count;

import dev.logrca.core.model.StateData;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;

/**
 * The isolation forest detector inside {@link BehaviourStateFormat}: its clean training windows,
 * tracked templates, usual shares and training vectors, counters and whether the service is busy
 * enough. The forest is not written: it is regrown from the training vectors with the same seed
 * when first needed, as after a restore of the Java-serialised form.
 */
final class OutlierStateFormat {
  private OutlierStateFormat() {}

  static void write(IsolationForestDetector d, DataOutput out) throws IOException {
    out.writeInt(d.clean.size());
    for (WindowFeatures w : d.clean) {
      out.writeLong(w.total);
      out.writeLong(w.errors);
      out.writeLong(w.warnings);
      out.writeInt(w.distinctTemplates);
      out.writeInt(w.newTemplates);
      StateData.writeStringLongs(w.topCounts, out);
    }
    StateData.writeStrings(d.trackedTemplates, out);
    StateIO.writeDoubles(d.usualShares, out);
    if (d.trainingVectors == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(d.trainingVectors.length);
      for (double[] v : d.trainingVectors) {
        StateIO.writeDoubles(v, out);
      }
    }
    out.writeInt(d.windowsSinceFit);
    out.writeInt(d.anomalousInARow);
    out.writeBoolean(d.busyEnough);
  }

  static IsolationForestDetector read(DetectorConfig config, DataInput in) throws IOException {
    IsolationForestDetector d = new IsolationForestDetector(config);
    int windows = count(in.readInt(), "training windows");
    for (int i = 0; i < windows; i++) {
      long total = in.readLong();
      long errors = in.readLong();
      long warnings = in.readLong();
      int distinct = in.readInt();
      int fresh = in.readInt();
      HashMap<String, Long> top = new HashMap<>();
      StateData.readStringLongs(in, top);
      d.clean.addLast(new WindowFeatures(total, errors, warnings, distinct, fresh, top));
    }
    d.trackedTemplates = StateData.readStrings(in);
    d.usualShares = StateIO.readDoubles(in);
    int vectors = in.readInt();
    if (vectors != -1) {
      d.trainingVectors = new double[count(vectors, "training vectors")][];
      for (int i = 0; i < vectors; i++) {
        d.trainingVectors[i] = StateIO.readDoubles(in);
      }
    }
    d.windowsSinceFit = in.readInt();
    d.anomalousInARow = in.readInt();
    d.busyEnough = in.readBoolean();
    return d;
  }
}
