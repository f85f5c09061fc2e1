package dev.logrca.core.detect.session;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import smile.anomaly.SVM;
import smile.math.kernel.GaussianKernel;

/**
 * Smile's one-class SVM (Schölkopf et al.) over sessions' template counts as {@code log(1 +
 * count)}: it draws a boundary around the usual sessions, and a session outside it (a negative
 * decision value) is anomalous. The kernel's width is the median distance between training
 * sessions; at most {@value #MAX_TRAINING} of them are used, since training costs the square of
 * their number.
 */
public final class OneClassSvm implements SessionDetector {
  public static final int MAX_TRAINING = 1_000;

  /** At most this share of the training sessions may fall outside the boundary. */
  public static final double NU = 0.01;

  private final TemplateVocabulary vocabulary;
  private final SVM<double[]> svm;

  private OneClassSvm(TemplateVocabulary vocabulary, SVM<double[]> svm) {
    this.vocabulary = vocabulary;
    this.svm = svm;
  }

  /** Fits on {@code training} (at least 2 sessions), sampling from {@code seed} when many. */
  public static OneClassSvm fit(List<Session> training, TemplateVocabulary vocabulary, long seed) {
    double[][] rows =
        training.stream().map(s -> PcaResidual.features(vocabulary, s)).toArray(double[][]::new);
    Random random = new Random(seed);
    double[][] sample = rows;
    if (rows.length > MAX_TRAINING) {
      sample = new double[MAX_TRAINING][];
      for (int i = 0; i < MAX_TRAINING; i++) {
        sample[i] = rows[random.nextInt(rows.length)];
      }
    }
    GaussianKernel kernel = new GaussianKernel(medianDistance(sample, random));
    return new OneClassSvm(vocabulary, SVM.fit(sample, kernel, NU, 1e-3));
  }

  @Override
  public String name() {
    return "svm";
  }

  @Override
  public Verdict judge(Session session) {
    double score = svm.score(PcaResidual.features(vocabulary, session));
    // reported as a distance outside the boundary, so that larger means more anomalous
    if (score >= 0) {
      return Verdict.usual(-score, 0);
    }
    return new Verdict(
        true,
        -score,
        0,
        String.format("outside the usual sessions' boundary (%.3g)", -score),
        vocabulary.firstUnseen(session));
  }

  /** The median distance between random pairs of rows, at least 0.5 (one line's log-count). */
  private static double medianDistance(double[][] rows, Random random) {
    int pairs = Math.min(2_000, rows.length * (rows.length - 1) / 2);
    double[] distances = new double[Math.max(1, pairs)];
    for (int p = 0; p < pairs; p++) {
      double[] a = rows[random.nextInt(rows.length)];
      double[] b = rows[random.nextInt(rows.length)];
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += (a[i] - b[i]) * (a[i] - b[i]);
      }
      distances[p] = Math.sqrt(sum);
    }
    Arrays.sort(distances);
    return Math.max(0.5, distances[distances.length / 2]);
  }
}
