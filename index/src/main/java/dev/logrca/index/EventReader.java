package dev.logrca.index;

import dev.logrca.core.model.LogEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Reads back every event a run indexed within a time window, oldest first (what a model trains on),
 * without the hit limit of a search; template documents are left out.
 */
public final class EventReader {
  private EventReader() {}

  /**
   * The events of {@code <dataDir>/events}, every shard, with {@code from <= timestamp < until}.
   */
  public static List<LogEvent> read(Path dataDir, long from, long until) throws IOException {
    try (ShardedReader reader = EventShards.openReader(dataDir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      Query query =
          new BooleanQuery.Builder()
              .add(LongPoint.newRangeQuery(IndexFields.TIMESTAMP, from, until - 1), Occur.MUST)
              .add(TemplateDocuments.all(), Occur.MUST_NOT)
              .build();
      List<LogEvent> events = new ArrayList<>();
      searcher.search(
          query,
          new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
              base = context.docBase;
            }

            @Override
            public void collect(int doc) throws IOException {
              events.add(EventDocuments.toEvent(stored.document(base + doc)));
            }

            @Override
            public ScoreMode scoreMode() {
              return ScoreMode.COMPLETE_NO_SCORES;
            }
          });
      events.sort(
          Comparator.comparingLong((LogEvent e) -> e.record().timestamp())
              .thenComparing(e -> e.record().source())
              .thenComparingLong(e -> e.record().line()));
      return events;
    }
  }
}
