package dev.logrca.core.detect.session;

import dev.logrca.core.detect.SeededForests;
import java.util.Arrays;
import java.util.List;
import smile.anomaly.IsolationForest;

/**
 * Smile's isolation forest over sessions' template counts (as {@code log(1 + count)}), grown the
 * classic way on subsamples of 256 sessions a tree. A forest has no threshold of its own: a session
 * is anomalous when it scores above the share {@code 1 - contamination} of the training sessions
 * and above 0.5, the score of a point no easier to isolate than the average.
 */
public final class SessionForest implements SessionDetector {
  public static final int TREES = 100;
  public static final int SAMPLE_SIZE = 256;

  private final TemplateVocabulary vocabulary;
  private final IsolationForest forest;
  private final double threshold;

  private SessionForest(TemplateVocabulary vocabulary, IsolationForest forest, double threshold) {
    this.vocabulary = vocabulary;
    this.forest = forest;
    this.threshold = threshold;
  }

  /**
   * Fits on {@code training} (at least 2 sessions), expecting about {@code contamination} of them
   * to be anomalous, from {@code seed}.
   */
  public static SessionForest fit(
      List<Session> training, TemplateVocabulary vocabulary, double contamination, long seed) {
    if (contamination <= 0 || contamination >= 0.5) {
      throw new IllegalArgumentException("contamination must be in (0, 0.5)");
    }
    double[][] rows =
        training.stream().map(s -> PcaResidual.features(vocabulary, s)).toArray(double[][]::new);
    IsolationForest forest = SeededForests.fitSubsampled(rows, TREES, SAMPLE_SIZE, 0, seed);
    double[] scores = forest.score(rows);
    Arrays.sort(scores);
    int at = (int) Math.min(scores.length - 1, Math.ceil((1 - contamination) * scores.length));
    return new SessionForest(vocabulary, forest, Math.max(0.5, scores[at]));
  }

  @Override
  public String name() {
    return "iforest";
  }

  @Override
  public Verdict judge(Session session) {
    double score = forest.score(PcaResidual.features(vocabulary, session));
    if (score <= threshold) {
      return Verdict.usual(score, threshold);
    }
    // a forest cannot say which template isolated the session, only an unseen one stands out
    return new Verdict(
        true,
        score,
        threshold,
        String.format("isolated early (score %.3f)", score),
        vocabulary.firstUnseen(session));
  }
}
