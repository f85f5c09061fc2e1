package dev.logrca.index.search;

import java.util.HashMap;
import java.util.Map;

/**
 * The counts of one segment's matching events per absolute time bucket ({@code floorDiv(time,
 * interval)}) and per value of the split field. Absolute buckets let any later histogram with the
 * same interval reuse them, whatever time window it asks for.
 */
final class SegmentCounts {
  private final long firstBucket;
  private final int span;
  private final Map<String, long[]> series;

  SegmentCounts(long firstBucket, int span, Map<String, long[]> series) {
    this.firstBucket = firstBucket;
    this.span = span;
    this.series = series;
  }

  /** A segment without matching events. */
  static SegmentCounts empty() {
    return new SegmentCounts(0, 0, Map.of());
  }

  /** The longs this holds, which the cache's memory budget counts. */
  long weight() {
    return 1 + (long) span * series.size();
  }

  /**
   * Adds the counts of absolute buckets {@code fromBucket..toBucket} to {@code into}, where index 0
   * of each series is absolute bucket {@code base}.
   */
  void addTo(Map<String, long[]> into, long base, int buckets, long fromBucket, long toBucket) {
    long lo = Math.max(fromBucket, firstBucket);
    long hi = Math.min(toBucket, firstBucket + span - 1);
    if (lo > hi) {
      return;
    }
    for (Map.Entry<String, long[]> e : series.entrySet()) {
      long[] counts = e.getValue();
      long[] target = null;
      for (long b = lo; b <= hi; b++) {
        long c = counts[(int) (b - firstBucket)];
        if (c != 0) {
          if (target == null) {
            target = into.computeIfAbsent(e.getKey(), k -> new long[buckets]);
          }
          target[(int) (b - base)] += c;
        }
      }
    }
  }

  /** Collects one segment's counts bucket by bucket, slot by slot (a slot per field value). */
  static final class Builder {
    private final long firstBucket;
    private final int span;
    private final long[][] bySlot;

    Builder(long firstBucket, int span, int slots) {
      this.firstBucket = firstBucket;
      this.span = span;
      this.bySlot = new long[slots][];
    }

    void count(int slot, long bucket) {
      long[] counts = bySlot[slot];
      if (counts == null) {
        counts = new long[span];
        bySlot[slot] = counts;
      }
      counts[(int) (bucket - firstBucket)]++;
    }

    SegmentCounts build(SlotNames names) {
      Map<String, long[]> series = new HashMap<>();
      for (int slot = 0; slot < bySlot.length; slot++) {
        if (bySlot[slot] != null) {
          series.put(names.name(slot), bySlot[slot]);
        }
      }
      return new SegmentCounts(firstBucket, span, series);
    }
  }

  /** The series name of a slot. */
  @FunctionalInterface
  interface SlotNames {
    String name(int slot);
  }
}
