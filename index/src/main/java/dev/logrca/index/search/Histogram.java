package dev.logrca.index.search;

import java.util.List;

/**
 * Event counts per time bucket: bucket {@code i} covers {@code [from + i * interval, from + (i + 1)
 * * interval)}.
 *
 * @param from the first bucket's start, epoch millis
 * @param interval the bucket width in millis
 * @param buckets how many buckets
 * @param total how many events were counted
 * @param series one per value of the split field, biggest first, or one called "all"
 */
public record Histogram(long from, long interval, int buckets, long total, List<Series> series) {
  public Histogram {
    series = List.copyOf(series);
  }

  /**
   * The counts of one value of the split field.
   *
   * @param key the value (a service, a level, a template id), or "all" without a split
   * @param total its events in all buckets
   * @param counts its count per bucket
   */
  public record Series(String key, long total, long[] counts) {}
}
