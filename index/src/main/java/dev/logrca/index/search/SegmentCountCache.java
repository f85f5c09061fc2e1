package dev.logrca.index.search;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.Query;

/**
 * Histogram counts per segment, least recently used dropped first within a memory budget. A
 * segment's documents never change, and its deletions change its reader key, so an entry is right
 * for as long as its key can be looked up; entries of closed segments are dropped at once.
 */
final class SegmentCountCache {
  /** 4M longs, 32 MB: a few hundred histograms of a thousand buckets over dozens of segments. */
  static final long DEFAULT_BUDGET = 4L << 20;

  private final long budget;
  private final LinkedHashMap<Key, SegmentCounts> entries = new LinkedHashMap<>(64, 0.75f, true);
  private final Set<IndexReader.CacheKey> watched = new HashSet<>();
  private long weight;
  private long hits;
  private long misses;

  SegmentCountCache(long budget) {
    this.budget = budget;
  }

  /** What a segment's counts depend on besides the segment: query, bucket width and split. */
  record Spec(Query query, long interval, String field) {}

  private record Key(IndexReader.CacheKey segment, Spec spec) {}

  /** The counts of {@code leaf} under {@code spec}, or null when not kept (or uncacheable). */
  synchronized SegmentCounts get(LeafReader leaf, Spec spec) {
    IndexReader.CacheHelper helper = leaf.getReaderCacheHelper();
    SegmentCounts found = helper == null ? null : entries.get(new Key(helper.getKey(), spec));
    if (found == null) {
      misses++;
    } else {
      hits++;
    }
    return found;
  }

  /** Keeps {@code counts} of {@code leaf}, complete and within its query's time budget. */
  void put(LeafReader leaf, Spec spec, SegmentCounts counts) {
    IndexReader.CacheHelper helper = leaf.getReaderCacheHelper();
    if (helper == null || counts.weight() > budget) {
      return;
    }
    IndexReader.CacheKey segment = helper.getKey();
    boolean first;
    synchronized (this) {
      first = watched.add(segment);
      SegmentCounts old = entries.put(new Key(segment, spec), counts);
      weight += counts.weight() - (old == null ? 0 : old.weight());
      evict();
    }
    if (first) {
      helper.addClosedListener(this::dropSegment);
    }
  }

  private void evict() {
    Iterator<Map.Entry<Key, SegmentCounts>> oldest = entries.entrySet().iterator();
    while (weight > budget && oldest.hasNext()) {
      weight -= oldest.next().getValue().weight();
      oldest.remove();
    }
  }

  private synchronized void dropSegment(IndexReader.CacheKey segment) {
    watched.remove(segment);
    Iterator<Map.Entry<Key, SegmentCounts>> all = entries.entrySet().iterator();
    while (all.hasNext()) {
      Map.Entry<Key, SegmentCounts> e = all.next();
      if (e.getKey().segment() == segment) {
        weight -= e.getValue().weight();
        all.remove();
      }
    }
  }

  /** Look-ups answered from the cache and look-ups that were not, since it was made. */
  synchronized long[] hitsAndMisses() {
    return new long[] {hits, misses};
  }
}
