package dev.logrca.core.topology;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gaps in milliseconds kept as counts in buckets a quarter of a doubling wide (19% apart), so a
 * window of any number of hops costs a few dozen counters and its median and 90th percentile are
 * known to within 10%. A gap of 0 ms (two lines of one millisecond) has a bucket of its own.
 */
public final class GapSketch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Buckets per doubling. */
  private static final int STEPS = 4;

  private final TreeMap<Integer, Long> buckets = new TreeMap<>();
  private long count;

  /** Counts one gap; a negative one (lines of one millisecond out of order) counts as 0. */
  public void add(long millis) {
    buckets.merge(bucketOf(millis), 1L, Long::sum);
    count++;
  }

  /** Counts {@code n} gaps in bucket {@code bucket}, for a restore. */
  public void addBucket(int bucket, long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("a bucket holds at least one gap, not " + n);
    }
    buckets.merge(bucket, n, Long::sum);
    count += n;
  }

  public long count() {
    return count;
  }

  /** The buckets and their counts, smallest gaps first. */
  public Map<Integer, Long> buckets() {
    return Collections.unmodifiableMap(buckets);
  }

  /** The gap below which a share {@code q} of the gaps lie (0 for an empty sketch). */
  public double quantile(double q) {
    long rank = (long) Math.ceil(q * count);
    long seen = 0;
    for (Map.Entry<Integer, Long> b : buckets.entrySet()) {
      seen += b.getValue();
      if (seen >= Math.max(rank, 1)) {
        return valueOf(b.getKey());
      }
    }
    return 0;
  }

  public double median() {
    return quantile(0.5);
  }

  static int bucketOf(long millis) {
    if (millis <= 0) {
      return 0;
    }
    // bucket 1 starts at 1 ms
    return 1 + (int) Math.floor(Math.log(millis) / Math.log(2) * STEPS);
  }

  /** The geometric middle of a bucket. */
  static double valueOf(int bucket) {
    return bucket == 0 ? 0 : Math.pow(2, (bucket - 0.5) / STEPS);
  }
}
