package dev.logrca.index.search;

import dev.logrca.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching events per absolute time bucket and split-field value, segment by segment, into
 * one {@link SegmentCounts} per segment; segments it is given no bucket range for are skipped.
 */
final class LeafBucketCollector extends SimpleCollector {
  static final String NO_VALUE = "(none)";

  /** The bucket range to count a segment over: first absolute bucket and how many. */
  record Range(long firstBucket, int span) {}

  private final long interval;
  private final String field;
  private final Function<LeafReaderContext, Range> ranges;
  private final List<LeafReaderContext> leaves = new ArrayList<>();
  private final List<SegmentCounts.Builder> builders = new ArrayList<>();
  private final List<GroupOrdinals> leafGroups = new ArrayList<>();
  private NumericDocValues times;
  private GroupOrdinals groups;
  private SegmentCounts.Builder builder;
  private Range range;

  LeafBucketCollector(long interval, String field, Function<LeafReaderContext, Range> ranges) {
    this.interval = interval;
    this.field = field;
    this.ranges = ranges;
  }

  @Override
  protected void doSetNextReader(LeafReaderContext context) throws IOException {
    range = ranges.apply(context);
    if (range == null) {
      throw new CollectionTerminatedException();
    }
    times = DocValues.getNumeric(context.reader(), IndexFields.TIMESTAMP);
    groups = field == null ? null : GroupOrdinals.of(context.reader(), field);
    int slots = groups == null ? 1 : groups.values.length + 1;
    builder = new SegmentCounts.Builder(range.firstBucket(), range.span(), slots);
    leaves.add(context);
    builders.add(builder);
    leafGroups.add(groups);
  }

  @Override
  public void collect(int doc) throws IOException {
    if (!times.advanceExact(doc)) {
      return;
    }
    long bucket = Math.floorDiv(times.longValue(), interval);
    if (bucket < range.firstBucket() || bucket >= range.firstBucket() + range.span()) {
      return;
    }
    // slot 0 holds the documents without a value of the split field
    builder.count(groups == null ? 0 : groups.ordinals[doc] + 1, bucket);
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** The segments counted, in the order of {@link #counts()}. */
  List<LeafReaderContext> leaves() {
    return leaves;
  }

  /** The counts of each segment counted. */
  List<SegmentCounts> counts() {
    List<SegmentCounts> all = new ArrayList<>(builders.size());
    for (int i = 0; i < builders.size(); i++) {
      GroupOrdinals g = leafGroups.get(i);
      all.add(
          builders
              .get(i)
              .build(slot -> g == null ? "all" : slot == 0 ? NO_VALUE : g.values[slot - 1]));
    }
    return all;
  }

  /** For a searcher without an executor: one collector for every segment. */
  CollectorManager<LeafBucketCollector, LeafBucketCollector> manager() {
    return new CollectorManager<>() {
      @Override
      public LeafBucketCollector newCollector() {
        return LeafBucketCollector.this;
      }

      @Override
      public LeafBucketCollector reduce(Collection<LeafBucketCollector> collectors) {
        return LeafBucketCollector.this;
      }
    };
  }
}
