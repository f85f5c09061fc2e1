package dev.logrca.index.search;

import dev.logrca.index.IndexFields;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.Query;

/** Restricts an event query to a time window. */
final class TimeWindows {
  private TimeWindows() {}

  /**
   * {@code query} for the events from {@code since} to {@code until}, inclusive. In a segment
   * sorted by time the window is found by two binary searches and read as a range of documents; in
   * one written unsorted (an older index) it falls back to the timestamp points.
   */
  static Query events(Query query, long since, long until) {
    Query window =
        new IndexSortSortedNumericDocValuesRangeQuery(
            IndexFields.TIMESTAMP,
            since,
            until,
            LongPoint.newRangeQuery(IndexFields.TIMESTAMP, since, until));
    return new BooleanQuery.Builder().add(query, Occur.MUST).add(window, Occur.FILTER).build();
  }
}
