package dev.logrca.index.search;

import dev.logrca.index.IndexFields;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Counts the events a query matches into time buckets, per value of the split field. Buckets wholly
 * inside the time window come from per-segment counts kept in a {@link SegmentCountCache} (counted
 * once per segment, query, interval and split); the partial buckets at the window's edges are
 * counted afresh, over the few documents they hold.
 */
final class HistogramCounter {
  /** Bucket widths a histogram picks from when the caller gives none: round numbers to read. */
  private static final long[] NICE_INTERVALS = {
    1_000,
    5_000,
    10_000,
    30_000,
    60_000,
    300_000,
    600_000,
    1_800_000,
    3_600_000,
    10_800_000,
    21_600_000,
    43_200_000,
    86_400_000,
    604_800_000
  };

  /** A segment spanning more buckets than this is counted afresh over the window, not cached. */
  static final int MAX_CACHED_SPAN = 4 * HistogramRequest.MAX_BUCKETS;

  private final IndexSearcher searcher;
  private final Query query;
  private final String field;
  private final long interval;
  private final long firstBucket;
  private final int buckets;

  private HistogramCounter(
      IndexSearcher searcher, Query query, String field, long interval, long from, int buckets) {
    this.searcher = searcher;
    this.query = query;
    this.field = field;
    this.interval = interval;
    this.firstBucket = Math.floorDiv(from, interval);
    this.buckets = buckets;
  }

  /**
   * The histogram of {@code request} over the events {@code query} matches, which must not hold the
   * request's time window: the window is applied here, bucket by bucket.
   */
  static Histogram count(
      IndexSearcher searcher,
      Query query,
      HistogramRequest request,
      TemplateLookup templates,
      SegmentCountCache cache)
      throws IOException {
    Long first = request.since() != null ? request.since() : bound(searcher, true);
    Long last = request.until() != null ? request.until() : bound(searcher, false);
    if (first == null || last == null) {
      return new Histogram(0, NICE_INTERVALS[0], 0, 0, List.of());
    }
    long interval = request.interval() != null ? request.interval() : pick(last - first + 1);
    long from = Math.floorDiv(first, interval) * interval;
    long buckets = (last - from) / interval + 1;
    if (buckets > HistogramRequest.MAX_BUCKETS) {
      throw new BadQueryException(
          "the histogram would have "
              + buckets
              + " buckets; the limit is "
              + HistogramRequest.MAX_BUCKETS
              + ": give a wider interval or a shorter time range");
    }
    HistogramCounter counter =
        new HistogramCounter(searcher, query, request.by().field(), interval, from, (int) buckets);
    Map<String, long[]> series =
        counter.countWindow(request.since() != null, first, request.until() != null, last, cache);
    if (request.by() == HistogramRequest.By.TEMPLATE) {
      series = underCurrentIds(series, templates);
    }
    return result(from, interval, (int) buckets, series);
  }

  /**
   * Counts the events of {@code [first, last]}: whole buckets from the cache, edges afresh. The
   * first and last buckets are whole unless the request's window ({@code cutFirst}, {@code
   * cutLast}) cuts into them.
   */
  private Map<String, long[]> countWindow(
      boolean cutFirst, long first, boolean cutLast, long last, SegmentCountCache cache)
      throws IOException {
    long lastBucket = firstBucket + buckets - 1;
    boolean firstWhole = !cutFirst || Math.floorMod(first, interval) == 0;
    boolean lastWhole = !cutLast || Math.floorMod(last + 1, interval) == 0;
    long wholeFrom = firstWhole ? firstBucket : firstBucket + 1;
    long wholeTo = lastWhole ? lastBucket : lastBucket - 1;
    Map<String, long[]> series = new HashMap<>();
    if (wholeFrom > wholeTo) {
      countAfresh(first, last, series);
      return series;
    }
    List<LeafReaderContext> uncacheable = addWhole(wholeFrom, wholeTo, cache, series);
    if (!firstWhole) {
      countAfresh(first, wholeFrom * interval - 1, series);
    }
    if (!lastWhole) {
      countAfresh((wholeTo + 1) * interval, last, series);
    }
    if (!uncacheable.isEmpty()) {
      Query window = TimeWindows.events(query, wholeFrom * interval, (wholeTo + 1) * interval - 1);
      count(window, uncacheable::contains, series);
    }
    return series;
  }

  /**
   * Adds the cached counts of buckets {@code wholeFrom..wholeTo}, counting the segments not cached
   * yet over their whole time span first; returns the segments too long in time to cache.
   */
  private List<LeafReaderContext> addWhole(
      long wholeFrom, long wholeTo, SegmentCountCache cache, Map<String, long[]> series)
      throws IOException {
    SegmentCountCache.Spec spec = new SegmentCountCache.Spec(query, interval, field);
    Map<LeafReaderContext, LeafBucketCollector.Range> missing = new HashMap<>();
    List<LeafReaderContext> uncacheable = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      SegmentCounts kept = cache.get(leaf.reader(), spec);
      if (kept != null) {
        kept.addTo(series, firstBucket, buckets, wholeFrom, wholeTo);
        continue;
      }
      LeafBucketCollector.Range span = spanOf(leaf);
      if (span == null) {
        continue; // no events in this segment, only template documents
      }
      if (span.span() > MAX_CACHED_SPAN) {
        uncacheable.add(leaf);
      } else {
        missing.put(leaf, span);
      }
    }
    if (!missing.isEmpty()) {
      LeafBucketCollector collector = new LeafBucketCollector(interval, field, missing::get);
      searcher.search(query, collector.manager());
      // a search cut short by its time budget fails after this; its counts are never kept
      boolean complete = !searcher.timedOut();
      List<SegmentCounts> counted = collector.counts();
      for (int i = 0; i < counted.size(); i++) {
        LeafReaderContext leaf = collector.leaves().get(i);
        if (complete) {
          cache.put(leaf.reader(), spec, counted.get(i));
        }
        counted.get(i).addTo(series, firstBucket, buckets, wholeFrom, wholeTo);
      }
    }
    return uncacheable;
  }

  /** Counts the events between {@code from} and {@code to} (inclusive) in every segment. */
  private void countAfresh(long from, long to, Map<String, long[]> series) throws IOException {
    count(TimeWindows.events(query, from, to), leaf -> true, series);
  }

  private void count(
      Query windowed, Predicate<LeafReaderContext> leaves, Map<String, long[]> series)
      throws IOException {
    LeafBucketCollector.Range all = new LeafBucketCollector.Range(firstBucket, buckets);
    LeafBucketCollector collector =
        new LeafBucketCollector(interval, field, leaf -> leaves.test(leaf) ? all : null);
    searcher.search(windowed, collector.manager());
    for (SegmentCounts counts : collector.counts()) {
      counts.addTo(series, firstBucket, buckets, firstBucket, firstBucket + buckets - 1);
    }
  }

  /** The absolute buckets a segment's events fall in, or null when it holds no event. */
  private LeafBucketCollector.Range spanOf(LeafReaderContext leaf) throws IOException {
    PointValues points = leaf.reader().getPointValues(IndexFields.TIMESTAMP);
    if (points == null || points.size() == 0) {
      return null;
    }
    long min = LongPoint.decodeDimension(points.getMinPackedValue(), 0);
    long max = LongPoint.decodeDimension(points.getMaxPackedValue(), 0);
    long first = Math.floorDiv(min, interval);
    long span = Math.floorDiv(max, interval) - first + 1;
    return new LeafBucketCollector.Range(first, (int) Math.min(span, Integer.MAX_VALUE));
  }

  private static Long bound(IndexSearcher searcher, boolean min) throws IOException {
    byte[] packed =
        min
            ? PointValues.getMinPackedValue(searcher.getIndexReader(), IndexFields.TIMESTAMP)
            : PointValues.getMaxPackedValue(searcher.getIndexReader(), IndexFields.TIMESTAMP);
    return packed == null ? null : LongPoint.decodeDimension(packed, 0);
  }

  private static long pick(long span) {
    for (long nice : NICE_INTERVALS) {
      if (span / nice < HistogramRequest.TARGET_BUCKETS) {
        return nice;
      }
    }
    long week = NICE_INTERVALS[NICE_INTERVALS.length - 1];
    return (span / HistogramRequest.TARGET_BUCKETS / week + 1) * week;
  }

  private static Map<String, long[]> underCurrentIds(
      Map<String, long[]> byId, TemplateLookup templates) throws IOException {
    Map<String, long[]> merged = new HashMap<>();
    for (Map.Entry<String, long[]> e : byId.entrySet()) {
      String id = templates.current(e.getKey()).map(TemplateEntry::templateId).orElse(e.getKey());
      long[] into = merged.get(id);
      if (into == null) {
        merged.put(id, e.getValue().clone());
      } else {
        add(into, e.getValue());
      }
    }
    return merged;
  }

  private static Histogram result(
      long from, long interval, int buckets, Map<String, long[]> bySeries) {
    List<Histogram.Series> all = new ArrayList<>();
    bySeries.forEach((key, counts) -> all.add(new Histogram.Series(key, sum(counts), counts)));
    all.sort(
        Comparator.comparingLong(Histogram.Series::total)
            .reversed()
            .thenComparing(Histogram.Series::key));
    long total = all.stream().mapToLong(Histogram.Series::total).sum();
    if (all.size() <= HistogramRequest.MAX_SERIES) {
      return new Histogram(from, interval, buckets, total, all);
    }
    long[] others = new long[buckets];
    for (Histogram.Series small : all.subList(HistogramRequest.MAX_SERIES - 1, all.size())) {
      add(others, small.counts());
    }
    List<Histogram.Series> kept = new ArrayList<>(all.subList(0, HistogramRequest.MAX_SERIES - 1));
    kept.add(new Histogram.Series(HistogramRequest.OTHERS, sum(others), others));
    return new Histogram(from, interval, buckets, total, kept);
  }

  private static void add(long[] into, long[] counts) {
    for (int i = 0; i < into.length; i++) {
      into[i] += counts[i];
    }
  }

  private static long sum(long[] counts) {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }
}
