package dev.logrca.core.detect;

import java.util.ArrayList;
import java.util.List;
import smile.anomaly.IsolationForest;

/**
 * Finds the readings (CPU percentages, queue lengths, or whole vectors of them) that an isolation
 * forest fitted on the same readings isolates at once: the batch form of outlier detection, for a
 * series too short to have a history of its own.
 *
 * @param trees how many trees vote; more trees steady the score of a small batch
 * @param threshold the isolation score (Smile's {@code 2^(-E[h]/c(n))}, 0.5 for an average point,
 *     near 1 for one cut off at once) at or above which a reading is an outlier
 * @param seed the forest's seed, so the same readings always give the same verdicts
 */
public record ReadingOutliers(int trees, double threshold, long seed) {
  /**
   * 200 trees, a score of at least 0.75: in a batch of ten a point cut off by the first cut or two
   * (the 80 among readings near 20 scores 0.83; 23, the edge of a steady batch, 0.69).
   */
  public static final ReadingOutliers DEFAULTS = new ReadingOutliers(200, 0.75, 7);

  public ReadingOutliers {
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be at least 1");
    }
    if (threshold <= 0.5 || threshold >= 1) {
      throw new IllegalArgumentException("threshold must be in (0.5, 1)");
    }
  }

  /** The positions in {@code readings} of the outliers, in order. */
  public List<Integer> of(double[] readings) {
    double[][] rows = new double[readings.length][];
    for (int i = 0; i < readings.length; i++) {
      rows[i] = new double[] {readings[i]};
    }
    return of(rows);
  }

  /** The positions in {@code rows} (equal-length vectors, at least 2) of the outliers, in order. */
  public List<Integer> of(double[][] rows) {
    int depth = (int) Math.ceil(Math.log(Math.max(2, rows.length)) / Math.log(2)) + 1;
    IsolationForest forest = SeededForests.fit(rows, trees, depth, 0, seed);
    List<Integer> outliers = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      if (forest.score(rows[i]) >= threshold) {
        outliers.add(i);
      }
    }
    return outliers;
  }
}
