package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * Scores each window's whole shape (volume, errors, warnings, template mix) with an isolation
 * forest trained on the service's own recent clean windows; a window the forest isolates at once is
 * an OUTLIER. The forest itself is not kept in state: the training vectors are, and the forest is
 * regrown from them with the fixed seed, identically, after a restore.
 */
public final class IsolationForestDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Cuts along random hyperplanes through up to 7 attributes (Smile's extended isolation forest): a
   * window far out on several attributes at once is then cut off sooner than one at the edge of a
   * single attribute, which axis-parallel cuts, blind beyond the training range, cannot tell apart.
   */
  private static final int EXTENSION_LEVEL = 6;

  // package-private for BehaviourStateFormat
  final DetectorConfig config;

  /** Recent windows no detector objected to, newest last. */
  final ArrayDeque<WindowFeatures> clean = new ArrayDeque<>();

  ArrayList<String> trackedTemplates = new ArrayList<>();

  /** The mean template shares of the training windows, what a window's mix is compared with. */
  double[] usualShares;

  double[][] trainingVectors;
  int windowsSinceFit;
  int anomalousInARow;

  /** False while the service's windows are too small to have a shape (see outlierMinLines). */
  boolean busyEnough;

  /** Regrown from trainingVectors when missing (after a restore): Smile's trees are not small. */
  private transient IsolationForest forest;

  /** Which attributes of a window's vector the forest sees. */
  private transient int[] varying;

  public IsolationForestDetector(DetectorConfig config) {
    this.config = config;
  }

  /** The OUTLIER anomaly of {@code window}, if the forest is trained and isolates it. */
  public Optional<Anomaly> detect(ServiceWindow window) {
    if (trainingVectors == null || !busyEnough) {
      return Optional.empty();
    }
    double score = score(window);
    if (score <= config.outlierThreshold()) {
      return Optional.empty();
    }
    // map (threshold, 1] onto (0.5, 1] so OUTLIER scores read like the other detectors'
    double strength =
        0.5 + 0.5 * (score - config.outlierThreshold()) / (1 - config.outlierThreshold());
    return Optional.of(
        Anomalies.of(
            window,
            AnomalyKind.OUTLIER,
            null,
            strength,
            score,
            config.outlierThreshold(),
            evidence(window),
            config.maxEvidence()));
  }

  /** The isolation score of {@code window}, or NaN while the forest is not trained. */
  public double score(ServiceWindow window) {
    if (trainingVectors == null) {
      return Double.NaN;
    }
    if (forest == null) {
      growForest();
    }
    return forest.score(
        varyingParts(WindowFeatures.of(window).vector(trackedTemplates, usualShares)));
  }

  /**
   * Learns from {@code window} once it has been judged: a window no detector objected to joins the
   * training set, and the forest is (re)trained when enough windows have passed. A change that
   * lasts as long as the rate baselines' memory ({@code baselineWindows} anomalous windows in a
   * row) is taken as the new normal and learned too, or the forest would flag it forever.
   */
  public void learn(ServiceWindow window, boolean anomalous) {
    anomalousInARow = anomalous ? anomalousInARow + 1 : 0;
    if (!anomalous || anomalousInARow > config.baselineWindows()) {
      clean.addLast(WindowFeatures.of(window));
      while (clean.size() > config.outlierHistory()) {
        clean.removeFirst();
      }
    }
    windowsSinceFit++;
    boolean due = trainingVectors == null || windowsSinceFit >= config.outlierRetrainEvery();
    if (due && clean.size() >= config.outlierMinTraining()) {
      fit();
    }
  }

  private void fit() {
    List<WindowFeatures> windows = new ArrayList<>(clean);
    trackedTemplates =
        new ArrayList<>(WindowFeatures.busiest(windows, config.outlierTopTemplates()));
    usualShares = new double[trackedTemplates.size() + 1];
    for (WindowFeatures w : windows) {
      double[] shares = w.shares(trackedTemplates);
      for (int i = 0; i < shares.length; i++) {
        usualShares[i] += shares[i] / windows.size();
      }
    }
    trainingVectors = new double[windows.size()][];
    for (int i = 0; i < windows.size(); i++) {
      trainingVectors[i] = windows.get(i).vector(trackedTemplates, usualShares);
    }
    growForest();
    windowsSinceFit = 0;
    long[] totals = windows.stream().mapToLong(w -> w.total).sorted().toArray();
    busyEnough = totals[totals.length / 2] >= config.outlierMinLines();
  }

  /**
   * Grows the forest on the attributes that vary in the training set: a constant one cannot split
   * the windows, and its cuts would only use up depth.
   */
  private void growForest() {
    int dims = trainingVectors[0].length;
    int[] keep = new int[dims];
    int kept = 0;
    for (int d = 0; d < dims; d++) {
      for (double[] v : trainingVectors) {
        if (v[d] != trainingVectors[0][d]) {
          keep[kept++] = d;
          break;
        }
      }
    }
    varying = Arrays.copyOf(keep, Math.max(kept, 1)); // all constant: one column, all alike
    double[][] data = new double[trainingVectors.length][];
    for (int i = 0; i < data.length; i++) {
      data[i] = varyingParts(trainingVectors[i]);
    }
    // as deep as Smile would grow trees on a full history, from the first fit on, so that scores
    // keep one scale while the history fills
    int maxDepth = (int) MathEx.log2(config.outlierHistory());
    int extensionLevel = Math.min(EXTENSION_LEVEL, varying.length - 1);
    forest =
        SeededForests.fit(data, config.outlierTrees(), maxDepth, extensionLevel, config.seed());
  }

  private double[] varyingParts(double[] vector) {
    double[] parts = new double[varying.length];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = vector[varying[i]];
    }
    return parts;
  }

  /** Error lines first, then the first line of the busiest templates. */
  private List<Evidence> evidence(ServiceWindow window) {
    List<Evidence> evidence = new ArrayList<>(window.errorSamples());
    for (String id : WindowFeatures.busiest(window.templateCounts(), config.maxEvidence())) {
      evidence.addAll(window.evidenceFor(id));
    }
    return evidence;
  }
}
