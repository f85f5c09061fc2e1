package dev.logrca.core.detect;

import java.io.Serializable;
import java.util.Arrays;
import smile.stat.distribution.PoissonDistribution;

/**
 * The last few counts of one quantity (a service's errors, a template's lines) with their median
 * and median absolute deviation: a baseline that one earlier spike cannot drag along.
 */
final class RobustBaseline implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Scales a MAD to a standard deviation for normally distributed data. */
  private static final double MAD_TO_SIGMA = 1.4826;

  // package-private for BehaviourStateFormat
  final long[] values;
  int size;
  int next;

  RobustBaseline(int capacity) {
    values = new long[capacity];
  }

  /** A baseline that has already seen {@code zeros} windows without the quantity. */
  static RobustBaseline ofZeros(int capacity, int zeros) {
    RobustBaseline baseline = new RobustBaseline(capacity);
    for (int i = 0; i < Math.min(capacity, zeros); i++) {
      baseline.add(0);
    }
    return baseline;
  }

  void add(long value) {
    values[next] = value;
    next = (next + 1) % values.length;
    size = Math.min(size + 1, values.length);
  }

  int size() {
    return size;
  }

  double median() {
    return medianOf(sortedWindow());
  }

  double mad() {
    double median = median();
    double[] deviations = new double[size];
    long[] window = sortedWindow();
    for (int i = 0; i < size; i++) {
      deviations[i] = Math.abs(window[i] - median);
    }
    Arrays.sort(deviations);
    return medianOfSorted(deviations);
  }

  /**
   * The spread a new count is judged against: the MAD as a standard deviation, but never less than
   * Poisson noise ({@code sqrt(mean + 1)}; the mean, as a template logging 0 or 1 line a window has
   * a median of 0 but is not silent) nor {@code floor}, so a quiet or flat history does not turn
   * ordinary jitter into a surge.
   */
  double sigma(double floor) {
    return Math.max(Math.max(MAD_TO_SIGMA * mad(), Math.sqrt(mean() + 1)), floor);
  }

  double mean() {
    if (size == 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += values[i];
    }
    return sum / size;
  }

  /** The probability that a Poisson count with mean {@code rate} is at least {@code k}. */
  static double poissonAtLeast(long k, double rate) {
    return k <= 0 ? 1 : Math.max(0, 1 - poissonAtMost(k - 1, rate));
  }

  /**
   * The rate a count is tested against: the larger of mean and median, plus half a line, because
   * twenty windows of a template that logs two lines a window may well average one.
   */
  double rate() {
    return Math.max(mean(), median()) + 0.5;
  }

  /**
   * The probability that a Poisson count with mean {@code rate} is at most {@code k}: how likely a
   * low count is by chance alone. Smile computes it through the regularized incomplete gamma
   * function; summing {@code exp(-rate) rate^i / i!} by hand underflows to 0 above a rate of about
   * 745, which would make every count of a busy template look impossible and no surge ever seen.
   */
  static double poissonAtMost(long k, double rate) {
    if (rate <= 0 || k >= Integer.MAX_VALUE) {
      return 1;
    }
    if (k < 0) {
      return 0;
    }
    return Math.min(1, new PoissonDistribution(rate).cdf(k));
  }

  /** Share of the remembered windows with a count above zero. */
  double presence() {
    if (size == 0) {
      return 0;
    }
    int present = 0;
    for (int i = 0; i < size; i++) {
      if (values[i] > 0) {
        present++;
      }
    }
    return (double) present / size;
  }

  /** True when every remembered count is zero: nothing left worth keeping. */
  boolean allZero() {
    for (int i = 0; i < size; i++) {
      if (values[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private long[] sortedWindow() {
    long[] window = Arrays.copyOf(values, size);
    Arrays.sort(window);
    return window;
  }

  private static double medianOf(long[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  private static double medianOfSorted(double[] sorted) {
    if (sorted.length == 0) {
      return 0;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }
}
