package dev.logrca.index.search;

import dev.logrca.index.IndexFields;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matching events into time buckets, per value of the split field, in one pass. */
final class HistogramCounter extends SimpleCollector {
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

  private static final String NO_VALUE = "(none)";

  private final long from;
  private final long until;
  private final long interval;
  private final int buckets;
  private final String field;
  private final Map<String, long[]> series = new HashMap<>();
  private NumericDocValues times;
  private GroupOrdinals groups;
  private long[][] leafSeries;

  private HistogramCounter(long from, long until, long interval, int buckets, String field) {
    this.from = from;
    this.until = until;
    this.interval = interval;
    this.buckets = buckets;
    this.field = field;
  }

  static Histogram count(
      IndexSearcher searcher, Query query, HistogramRequest request, TemplateLookup templates)
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
    String field = request.by().field();
    HistogramCounter counter = new HistogramCounter(from, last, interval, (int) buckets, field);
    searcher.search(query, counter.manager());
    Map<String, long[]> merged = counter.series;
    if (request.by() == HistogramRequest.By.TEMPLATE) {
      merged = underCurrentIds(merged, templates);
    }
    return counter.result(merged);
  }

  private CollectorManager<HistogramCounter, HistogramCounter> manager() {
    // without an executor the searcher asks for one collector and runs every segment through it
    return new CollectorManager<>() {
      @Override
      public HistogramCounter newCollector() {
        return HistogramCounter.this;
      }

      @Override
      public HistogramCounter reduce(Collection<HistogramCounter> collectors) {
        return HistogramCounter.this;
      }
    };
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

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    times = DocValues.getNumeric(context.reader(), IndexFields.TIMESTAMP);
    groups = field == null ? null : GroupOrdinals.of(context.reader(), field);
    leafSeries = groups == null ? null : new long[groups.values.length + 1][];
  }

  @Override
  public void collect(int doc) throws IOException {
    if (!times.advanceExact(doc)) {
      return;
    }
    long time = times.longValue();
    if (time < from || time > until) {
      return;
    }
    seriesOf(doc)[(int) ((time - from) / interval)]++;
  }

  private long[] seriesOf(int doc) {
    if (groups == null) {
      return series.computeIfAbsent("all", k -> new long[buckets]);
    }
    int ordinal = groups.ordinals[doc];
    int slot = ordinal + 1; // slot 0 holds the documents without a value
    long[] counts = leafSeries[slot];
    if (counts == null) {
      String key = ordinal < 0 ? NO_VALUE : groups.values[ordinal];
      counts = series.computeIfAbsent(key, k -> new long[buckets]);
      leafSeries[slot] = counts;
    }
    return counts;
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
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

  private Histogram result(Map<String, long[]> bySeries) {
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
