package dev.logrca.index.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * For one segment and one exact-value field, which value each document holds: what a histogram
 * split by service, level or template reads per matching document. The fields have no doc values,
 * so the table is built once per segment from the postings and kept until the segment closes.
 */
final class GroupOrdinals {
  private static final Map<IndexReader.CacheKey, Map<String, GroupOrdinals>> CACHE =
      new ConcurrentHashMap<>();

  /** Per document, the index of its value in {@link #values}, or -1 without one. */
  final int[] ordinals;

  final String[] values;

  private GroupOrdinals(int[] ordinals, String[] values) {
    this.ordinals = ordinals;
    this.values = values;
  }

  static GroupOrdinals of(LeafReader leaf, String field) throws IOException {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    if (helper == null) {
      return build(leaf, field);
    }
    Map<String, GroupOrdinals> byField = CACHE.get(helper.getKey());
    if (byField == null) {
      byField = new ConcurrentHashMap<>();
      if (CACHE.putIfAbsent(helper.getKey(), byField) == null) {
        helper.addClosedListener(CACHE::remove);
      } else {
        byField = CACHE.get(helper.getKey());
      }
    }
    GroupOrdinals known = byField.get(field);
    if (known == null) {
      // two threads may build the same table at once; both are right and one is kept
      known = build(leaf, field);
      byField.put(field, known);
    }
    return known;
  }

  private static GroupOrdinals build(LeafReader leaf, String field) throws IOException {
    int[] ordinals = new int[leaf.maxDoc()];
    Arrays.fill(ordinals, -1);
    List<String> values = new ArrayList<>();
    Terms terms = leaf.terms(field);
    if (terms != null) {
      TermsEnum term = terms.iterator();
      PostingsEnum docs = null;
      for (BytesRef value = term.next(); value != null; value = term.next()) {
        int ordinal = values.size();
        values.add(value.utf8ToString());
        docs = term.postings(docs, PostingsEnum.NONE);
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          ordinals[doc] = ordinal;
        }
      }
    }
    return new GroupOrdinals(ordinals, values.toArray(String[]::new));
  }
}
