package dev.logrca.cli;

/**
 * Counts of one detector's verdicts against labels, with precision, recall and F1 (0 where a ratio
 * has nothing to divide by).
 */
record DetectionScore(int truePositives, int falsePositives, int falseNegatives) {
  static final DetectionScore NONE = new DetectionScore(0, 0, 0);

  /** This score with one more session judged {@code flagged} and labelled {@code anomalous}. */
  DetectionScore plus(boolean flagged, boolean anomalous) {
    return new DetectionScore(
        truePositives + (flagged && anomalous ? 1 : 0),
        falsePositives + (flagged && !anomalous ? 1 : 0),
        falseNegatives + (!flagged && anomalous ? 1 : 0));
  }

  double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? 0 : (double) truePositives / flagged;
  }

  double recall() {
    int anomalies = truePositives + falseNegatives;
    return anomalies == 0 ? 0 : (double) truePositives / anomalies;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
