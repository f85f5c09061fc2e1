package dev.logrca.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When requests arrive: a Poisson count per second around a mean that drifts gently (a slow wave
 * and a faster ripple), each at a uniform millisecond of its second.
 */
final class Arrivals {
  private final double rate;
  private final SplittableRandom random;

  Arrivals(double rate, SplittableRandom random) {
    this.rate = rate;
    this.random = random;
  }

  /** The millisecond offsets, sorted, of the requests arriving in second {@code s} of the run. */
  int[] next(long s) {
    double mean =
        rate
            * (1
                + 0.2 * Math.sin(2 * Math.PI * s / 600.0)
                + 0.06 * Math.sin(2 * Math.PI * s / 47.0));
    int count = poisson(Math.max(0.0, mean));
    int[] offsets = new int[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = random.nextInt(1000);
    }
    Arrays.sort(offsets);
    return offsets;
  }

  private int poisson(double mean) {
    if (mean > 50) {
      // The normal approximation is exact enough at this size and avoids exp() underflow.
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
