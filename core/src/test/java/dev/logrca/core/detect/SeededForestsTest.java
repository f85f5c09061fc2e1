package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;
import smile.stat.distribution.GaussianDistribution;

class SeededForestsTest {
  private static final double[][] TRAINING = cloud(1, 100);
  private static final double[][] PROBES = cloud(2, 20);

  private static double[][] cloud(long seed, int n) {
    Random random = new Random(seed);
    double[][] data = new double[n][];
    for (int i = 0; i < n; i++) {
      data[i] = new double[5];
      for (int d = 0; d < 5; d++) {
        data[i][d] = random.nextGaussian();
      }
    }
    return data;
  }

  private static double[] scores(long seed) {
    return SeededForests.fit(TRAINING, 50, 6, 3, seed).score(PROBES);
  }

  @Test
  void sameVectorsAndSeedGiveTheSameScores() {
    assertThat(scores(7)).containsExactly(scores(7)).isNotEqualTo(scores(8));
  }

  @Test
  void sameScoresFromOtherThreadsAndAfterOtherSmileCalls() throws Exception {
    double[] expected = scores(7);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 3; round++) {
        int draws = 2 * round + 1; // odd: leaves a cached deviate in the shared normal generator
        threads
            .submit(
                () -> {
                  MathEx.setSeed(99);
                  for (int i = 0; i < draws; i++) {
                    GaussianDistribution.getInstance().rand();
                  }
                  return MathEx.random();
                })
            .get();
        CompletableFuture<double[]> a = CompletableFuture.supplyAsync(() -> scores(7), threads);
        CompletableFuture<double[]> b = CompletableFuture.supplyAsync(() -> scores(7), threads);
        assertThat(a.get()).as("round %d", round).containsExactly(expected);
        assertThat(b.get()).as("round %d", round).containsExactly(expected);
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void fittingLeavesTheCallersGeneratorAlone() {
    MathEx.setSeed(5);
    double untouched = MathEx.random();
    MathEx.setSeed(5);
    scores(7);
    assertThat(MathEx.random()).isEqualTo(untouched);
  }

  @Test
  void farPointsScoreHigherThanTheCentre() {
    IsolationForest forest = SeededForests.fit(TRAINING, 100, 6, 3, 42);
    double centre = forest.score(new double[5]);
    double far = forest.score(new double[] {6, -6, 6, 0, 0});
    assertThat(centre).isLessThan(0.5);
    assertThat(far).isGreaterThan(centre + 0.2);
  }

  @Test
  void needsTwoRows() {
    assertThatThrownBy(() -> SeededForests.fit(new double[][] {{1, 2}}, 10, 6, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
