package dev.logrca.core.detect;

import dev.logrca.core.model.Evidence;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The durations one template reported in one window, as counts in buckets a quarter of a binary
 * order of magnitude wide (19% apart), with the earliest line of each binary order. Merging two
 * sketches gives the same sketch whatever the order the lines came in, and its size does not grow
 * with the number of lines.
 */
public final class DurationSketch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Buckets per doubling. */
  private static final int STEPS = 4;

  /** The smallest duration told apart, in milliseconds: one microsecond. */
  private static final double FLOOR_MILLIS = 1e-3;

  // package-private for WindowStateFormat
  long count;

  /** Lines per bucket. */
  final HashMap<Integer, Long> buckets = new HashMap<>();

  /** The earliest line per doubling (bucket / STEPS). */
  final HashMap<Integer, SampleLine> firstLines = new HashMap<>();

  /** An empty sketch. */
  public DurationSketch() {}

  /** Counts one duration of {@code line}. */
  void add(double millis, SampleLine line) {
    int bucket = bucketOf(millis);
    count++;
    buckets.merge(bucket, 1L, Long::sum);
    firstLines.merge(Math.floorDiv(bucket, STEPS), line, SampleLine::earlier);
  }

  /** Folds {@code other} into this sketch. */
  void merge(DurationSketch other) {
    count += other.count;
    other.buckets.forEach((b, n) -> buckets.merge(b, n, Long::sum));
    other.firstLines.forEach((d, line) -> firstLines.merge(d, line, SampleLine::earlier));
  }

  /** Durations counted. */
  public long count() {
    return count;
  }

  /**
   * The duration below which a fraction {@code q} of the counted ones lie (to within a bucket: the
   * geometric middle of the bucket it falls in), or 0 for an empty sketch.
   */
  public double quantile(double q) {
    if (count == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(q * count));
    long seen = 0;
    TreeMap<Integer, Long> sorted = new TreeMap<>(buckets);
    for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
      seen += e.getValue();
      if (seen >= rank) {
        return middleOf(e.getKey());
      }
    }
    return middleOf(sorted.lastKey());
  }

  /** How many durations fell in buckets wholly at or above {@code millis}. */
  public long countAtLeast(double millis) {
    int from = bucketOf(millis) + 1;
    long n = 0;
    for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
      if (e.getKey() >= from) {
        n += e.getValue();
      }
    }
    return n;
  }

  /** The median of the durations in buckets wholly at or above {@code millis}, or 0 if none. */
  public double medianAtLeast(double millis) {
    int from = bucketOf(millis) + 1;
    DurationSketch above = new DurationSketch();
    buckets.forEach(
        (b, n) -> {
          if (b >= from) {
            above.buckets.put(b, n);
            above.count += n;
          }
        });
    return above.quantile(0.5);
  }

  /**
   * The earliest line of the doubling {@code millis} falls in or of one above it: when the first of
   * the slow lines was logged (a line up to half {@code millis} may stand for it), or null if none.
   */
  public Evidence firstLineAtLeast(double millis) {
    int from = Math.floorDiv(bucketOf(millis), STEPS);
    SampleLine first = null;
    for (Map.Entry<Integer, SampleLine> e : firstLines.entrySet()) {
      if (e.getKey() >= from) {
        first = first == null ? e.getValue() : SampleLine.earlier(first, e.getValue());
      }
    }
    return first == null ? null : first.toEvidence();
  }

  static int bucketOf(double millis) {
    double m = Math.max(millis, FLOOR_MILLIS) / FLOOR_MILLIS;
    return (int) Math.floor(Math.log(m) / Math.log(2) * STEPS);
  }

  private static double middleOf(int bucket) {
    return FLOOR_MILLIS * Math.pow(2, (bucket + 0.5) / STEPS);
  }
}
