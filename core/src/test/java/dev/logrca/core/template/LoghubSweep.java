package dev.logrca.core.template;

import java.util.Map;

/**
 * How the defaults were chosen: scores every combination of tree depth, similarity threshold and
 * distinct-values count on the eight Loghub-2k systems. Run its main from the IDE or with {@code
 * exec:java}; it is not a test.
 */
final class LoghubSweep {
  private LoghubSweep() {}

  public static void main(String[] args) {
    for (int depth : new int[] {3, 4, 5}) {
      for (int distinct : new int[] {3, 4}) {
        for (double threshold : new double[] {0.5, 0.7, 0.85, 0.9, 0.92, 0.95}) {
          MinerConfig config =
              MinerConfig.defaults()
                  .withTreeDepth(depth)
                  .withVariableAfterDistinctValues(distinct)
                  .withSimilarityThreshold(threshold);
          Map<String, ParsingEvaluator.Score> scores = LoghubAccuracyTest.scoreAll(config);
          double ga = 0;
          double pa = 0;
          for (ParsingEvaluator.Score score : scores.values()) {
            ga += score.groupingAccuracy() / scores.size();
            pa += score.parsingAccuracy() / scores.size();
          }
          System.out.printf(
              "depth %d distinct %d threshold %.2f  GA %.3f  PA %.3f%n",
              depth, distinct, threshold, ga, pa);
        }
      }
    }
  }
}
