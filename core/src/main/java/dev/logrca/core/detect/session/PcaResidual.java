package dev.logrca.core.detect.session;

import java.util.List;
import smile.feature.extraction.PCA;
import smile.math.matrix.Matrix;

/**
 * PCA reconstruction error after Xu et al. (SOSP 2009): the usual sessions' template counts span a
 * few principal directions; a session whose counts lie far outside them (a large squared residual,
 * the SPE) is anomalous. The threshold is the Q-statistic of Jackson and Mudholkar at the stated
 * confidence, computed from the variance left outside the kept directions.
 */
public final class PcaResidual implements SessionDetector {
  /** Kept directions explain this share of the training variance. */
  public static final double KEPT_VARIANCE = 0.95;

  /** The normal quantile of the Q-statistic: 3.09 is a 0.1% false-alarm rate. */
  public static final double C_ALPHA = 3.09;

  /** Below this a residual is rounding, not a departure. */
  private static final double MIN_THRESHOLD = 1e-6;

  private final TemplateVocabulary vocabulary;
  private final double[] center;
  private final double[][] kept; // kept[k] is the k-th direction
  private final double threshold;

  private PcaResidual(
      TemplateVocabulary vocabulary, double[] center, double[][] kept, double threshold) {
    this.vocabulary = vocabulary;
    this.center = center;
    this.kept = kept;
    this.threshold = threshold;
  }

  /** Fits on {@code training} (at least 2 sessions). */
  public static PcaResidual fit(List<Session> training, TemplateVocabulary vocabulary) {
    if (training.size() < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 training sessions");
    }
    double[][] rows = training.stream().map(s -> features(vocabulary, s)).toArray(double[][]::new);
    PCA pca = PCA.fit(rows);
    double[] eigen = pca.variance();
    double[] cumulative = pca.cumulativeVarianceProportion();
    int k = 0;
    while (k < cumulative.length && cumulative[k] < KEPT_VARIANCE) {
      k++;
    }
    k = Math.min(k + 1, eigen.length);
    Matrix loadings = pca.loadings();
    double[][] kept = new double[k][loadings.nrow()];
    for (int c = 0; c < k; c++) {
      for (int r = 0; r < loadings.nrow(); r++) {
        kept[c][r] = loadings.get(r, c);
      }
    }
    return new PcaResidual(vocabulary, pca.center().clone(), kept, qStatistic(eigen, k));
  }

  @Override
  public String name() {
    return "pca";
  }

  public double threshold() {
    return threshold;
  }

  @Override
  public Verdict judge(Session session) {
    double[] residual = residual(features(vocabulary, session));
    double spe = 0;
    int worst = 0;
    for (int i = 0; i < residual.length; i++) {
      spe += residual[i] * residual[i];
      worst = Math.abs(residual[i]) > Math.abs(residual[worst]) ? i : worst;
    }
    if (spe <= threshold) {
      return Verdict.usual(spe, threshold);
    }
    String reason = String.format("template counts off the usual directions (SPE %.3g)", spe);
    return new Verdict(true, spe, threshold, reason, lineOfColumn(session, worst));
  }

  /**
   * The first line of the template whose count strays furthest (the unseen column: the first unseen
   * line), or null when that template is missing from the session.
   */
  private SessionEvent lineOfColumn(Session session, int column) {
    List<String> templates = vocabulary.templates();
    return column == templates.size()
        ? vocabulary.firstUnseen(session)
        : session.firstOf(templates.get(column));
  }

  /** log(1 + count): a long session weighs in without drowning every other template. */
  static double[] features(TemplateVocabulary vocabulary, Session session) {
    double[] v = vocabulary.counts(session);
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.log1p(v[i]);
    }
    return v;
  }

  private double[] residual(double[] x) {
    double[] r = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      r[i] = x[i] - center[i];
    }
    for (double[] direction : kept) {
      double dot = 0;
      for (int i = 0; i < r.length; i++) {
        dot += direction[i] * (x[i] - center[i]);
      }
      for (int i = 0; i < r.length; i++) {
        r[i] -= dot * direction[i];
      }
    }
    return r;
  }

  /** Jackson and Mudholkar's threshold on the SPE from the eigenvalues left out (from k on). */
  static double qStatistic(double[] eigen, int k) {
    double t1 = 0;
    double t2 = 0;
    double t3 = 0;
    for (int j = k; j < eigen.length; j++) {
      double l = Math.max(0, eigen[j]);
      t1 += l;
      t2 += l * l;
      t3 += l * l * l;
    }
    if (t1 <= 0 || t2 <= 0) {
      return MIN_THRESHOLD;
    }
    double h0 = 1 - 2 * t1 * t3 / (3 * t2 * t2);
    if (h0 <= 0) {
      // one residual direction dominates: the SPE is then close to normal with mean t1
      return Math.max(MIN_THRESHOLD, t1 + C_ALPHA * Math.sqrt(2 * t2));
    }
    double inner = C_ALPHA * Math.sqrt(2 * t2 * h0 * h0) / t1 + 1 + t2 * h0 * (h0 - 1) / (t1 * t1);
    return Math.max(MIN_THRESHOLD, t1 * Math.pow(inner, 1 / h0));
  }
}
