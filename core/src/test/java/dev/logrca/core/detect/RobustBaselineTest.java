package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustBaselineTest {
  @Test
  void medianAndMadIgnoreOneSpike() {
    RobustBaseline b = new RobustBaseline(5);
    for (long v : new long[] {10, 12, 11, 500, 9}) {
      b.add(v);
    }
    assertThat(b.median()).isEqualTo(11);
    assertThat(b.mad()).isEqualTo(1);
    assertThat(b.presence()).isEqualTo(1.0);
  }

  @Test
  void keepsOnlyTheLastValues() {
    RobustBaseline b = new RobustBaseline(3);
    for (long v : new long[] {100, 100, 100, 1, 2, 3}) {
      b.add(v);
    }
    assertThat(b.size()).isEqualTo(3);
    assertThat(b.median()).isEqualTo(2);
  }

  @Test
  void flatZeroBaselineStillHasASpread() {
    RobustBaseline b = RobustBaseline.ofZeros(20, 20);
    assertThat(b.allZero()).isTrue();
    assertThat(b.sigma(1.0)).isEqualTo(1.0);
    assertThat(b.presence()).isZero();
  }

  @Test
  void poissonTails() {
    assertThat(RobustBaseline.poissonAtMost(0, 4)).isCloseTo(Math.exp(-4), within(1e-12));
    assertThat(RobustBaseline.poissonAtLeast(0, 4)).isEqualTo(1);
    assertThat(RobustBaseline.poissonAtLeast(15, 2)).isLessThan(1e-6);
    assertThat(RobustBaseline.poissonAtLeast(3, 2)).isGreaterThan(0.3);
  }

  @Test
  void poissonTailsStayCorrectAtHighRates() {
    // 2,000 lines a window: exp(-2000) underflows, the tails must not
    assertThat(RobustBaseline.poissonAtMost(1999, 2000)).isBetween(0.49, 0.51);
    assertThat(RobustBaseline.poissonAtLeast(2300, 2000)).isBetween(1e-12, 1e-9);
    assertThat(RobustBaseline.poissonAtLeast(2100, 2000)).isGreaterThan(0.01);
    assertThat(RobustBaseline.poissonAtMost(1700, 2000)).isBetween(1e-13, 1e-10);
    assertThat(RobustBaseline.poissonAtMost(5000, 800)).isEqualTo(1);
  }
}
