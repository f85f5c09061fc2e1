package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeededIsolationForestTest {
  private static double[][] cloud(long seed, int n) {
    Random random = new Random(seed);
    double[][] data = new double[n][];
    for (int i = 0; i < n; i++) {
      data[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
    }
    return data;
  }

  @Test
  void sameSeedGrowsTheSameForest() {
    double[][] data = cloud(1, 100);
    double[] probe = {0.3, -1.2, 2.5};
    double a = SeededIsolationForest.fit(data, 50, 7).score(probe);
    double b = SeededIsolationForest.fit(data, 50, 7).score(probe);
    double c = SeededIsolationForest.fit(data, 50, 8).score(probe);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void farPointsScoreHigherThanTheCentre() {
    SeededIsolationForest forest = SeededIsolationForest.fit(cloud(2, 120), 100, 42);
    double centre = forest.score(new double[] {0, 0, 0});
    double edge = forest.score(new double[] {2.5, 0, 0});
    double far = forest.score(new double[] {40, -40, 40});
    assertThat(centre).isLessThan(0.5);
    assertThat(edge).isGreaterThan(centre);
    assertThat(far).isGreaterThan(edge).isGreaterThan(0.8);
  }

  @Test
  void averagePathLengthFollowsTheFormula() {
    assertThat(SeededIsolationForest.averagePathLength(1)).isZero();
    assertThat(SeededIsolationForest.averagePathLength(2)).isEqualTo(1);
    assertThat(SeededIsolationForest.averagePathLength(256)).isBetween(10.0, 10.5);
  }

  @Test
  void needsTwoRows() {
    assertThatThrownBy(() -> SeededIsolationForest.fit(new double[][] {{1}}, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
