package dev.logrca.core.detect.registry;

import java.util.List;
import java.util.Map;

/**
 * How far live sessions' template mix has moved from a model's training mix, as the Jensen-Shannon
 * divergence in bits (0 for the same mix, 1 for disjoint ones). Templates the model has no column
 * for count together as one more "unseen" template. Thresholds, as Evidently states its own: below
 * {@value #WARN} the data is the model's; from {@value #DRIFT} on the model is stale.
 */
public final class TemplateMixDrift {
  public static final double WARN = 0.05;
  public static final double DRIFT = 0.1;

  private TemplateMixDrift() {}

  /**
   * The divergence of {@code liveCounts} (lines per template) from {@code model}'s training mix.
   */
  public static double divergence(StoredModel model, Map<String, Long> liveCounts) {
    List<String> schema = model.card().featureSchema();
    double[] training = model.templateMix();
    double[] p = new double[schema.size() + 1];
    System.arraycopy(training, 0, p, 0, training.length);
    double[] q = new double[schema.size() + 1];
    long total = 0;
    for (Map.Entry<String, Long> e : liveCounts.entrySet()) {
      int column = schema.indexOf(e.getKey());
      q[column >= 0 ? column : schema.size()] += e.getValue();
      total += e.getValue();
    }
    if (total == 0) {
      return 0;
    }
    for (int i = 0; i < q.length; i++) {
      q[i] /= total;
    }
    return jensenShannon(p, q);
  }

  /** JS divergence in bits of two distributions over the same outcomes. */
  static double jensenShannon(double[] p, double[] q) {
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      sum += term(p[i], m) + term(q[i], m);
    }
    return sum / 2;
  }

  private static double term(double x, double m) {
    return x == 0 ? 0 : x * Math.log(x / m) / Math.log(2);
  }
}
