package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores each window's whole shape (volume, errors, warnings, template mix) with an isolation
 * forest trained on the service's own recent clean windows; a window the forest isolates at once is
 * an OUTLIER. The forest itself is not kept in state: the training vectors are, and the forest is
 * regrown from them with the fixed seed, identically, after a restore.
 */
public final class IsolationForestDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  private final DetectorConfig config;

  /** Recent windows no detector objected to, newest last. */
  private final ArrayDeque<WindowFeatures> clean = new ArrayDeque<>();

  private ArrayList<String> trackedTemplates = new ArrayList<>();

  /** The mean template shares of the training windows, what a window's mix is compared with. */
  private double[] usualShares;

  private double[][] trainingVectors;
  private int windowsSinceFit;
  private int anomalousInARow;

  /** False while the service's windows are too small to have a shape (see outlierMinLines). */
  private boolean busyEnough;

  private transient SeededIsolationForest forest;

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
      forest = SeededIsolationForest.fit(trainingVectors, config.outlierTrees(), config.seed());
    }
    return forest.score(WindowFeatures.of(window).vector(trackedTemplates, usualShares));
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
    forest = SeededIsolationForest.fit(trainingVectors, config.outlierTrees(), config.seed());
    windowsSinceFit = 0;
    long[] totals = windows.stream().mapToLong(w -> w.total).sorted().toArray();
    busyEnough = totals[totals.length / 2] >= config.outlierMinLines();
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
