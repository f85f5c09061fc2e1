package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReadingOutliersTest {
  @Test
  void theSeedsCpuExampleFlagsExactlyThe80() {
    double[] cpu = {20, 22, 19, 21, 20, 80, 22, 19, 21, 20};
    assertThat(ReadingOutliers.DEFAULTS.of(cpu)).containsExactly(5);
  }

  @Test
  void steadyReadingsFlagNothing() {
    double[] cpu = {20, 22, 19, 21, 20, 23, 22, 19, 21, 20};
    assertThat(ReadingOutliers.DEFAULTS.of(cpu)).isEmpty();
  }

  @Test
  void aVectorOutOfLineOnTwoReadingsAtOnceIsFlagged() {
    double[][] rows = new double[12][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {40 + i % 3, 100 + (i * 7) % 5};
    }
    rows[8] = new double[] {95, 900}; // cpu and queue length both far out
    assertThat(ReadingOutliers.DEFAULTS.of(rows)).containsExactly(8);
  }

  @Test
  void aThresholdThatCannotSeparateIsRefused() {
    assertThatThrownBy(() -> new ReadingOutliers(10, 0.4, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }
}
