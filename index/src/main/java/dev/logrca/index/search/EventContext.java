package dev.logrca.index.search;

import dev.logrca.core.model.LogEvent;
import dev.logrca.index.EventDocuments;
import dev.logrca.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * A line of evidence with the lines its service logged just before and after it, oldest first.
 *
 * @param before up to the asked number of lines at or before it, oldest first
 * @param line the line itself, or null when the index does not hold it (any more)
 * @param after up to the asked number of lines at or after it, oldest first
 */
public record EventContext(List<LogEvent> before, LogEvent line, List<LogEvent> after) {
  /** The most context lines asked for on each side. */
  public static final int MAX_LINES = 50;

  public EventContext {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  static EventContext read(
      IndexSearcher searcher,
      String service,
      long timestamp,
      String eventId,
      int lines,
      Query templates)
      throws IOException {
    if (lines < 0 || lines > MAX_LINES) {
      throw new BadQueryException("context lines must be between 0 and " + MAX_LINES);
    }
    LogEvent line = null;
    List<LogEvent> before = new ArrayList<>();
    for (LogEvent e :
        side(searcher, service, Long.MIN_VALUE, timestamp, true, lines + 1, templates)) {
      if (line == null && Objects.equals(e.eventId(), eventId)) {
        line = e;
      } else if (before.size() < lines) {
        before.add(e);
      }
    }
    Collections.reverse(before);
    List<LogEvent> after = new ArrayList<>();
    for (LogEvent e :
        side(searcher, service, timestamp, Long.MAX_VALUE, false, lines + 1, templates)) {
      // lines of the same millisecond come on both sides; show each once
      boolean shown = Objects.equals(e.eventId(), eventId) || containsId(before, e.eventId());
      if (!shown && after.size() < lines) {
        after.add(e);
      }
    }
    return new EventContext(before, line, after);
  }

  private static boolean containsId(List<LogEvent> events, String id) {
    return events.stream().anyMatch(e -> Objects.equals(e.eventId(), id));
  }

  private static List<LogEvent> side(
      IndexSearcher searcher,
      String service,
      long from,
      long to,
      boolean newestFirst,
      int limit,
      Query templates)
      throws IOException {
    BooleanQuery.Builder query =
        new BooleanQuery.Builder()
            .add(LongPoint.newRangeQuery(IndexFields.TIMESTAMP, from, to), Occur.FILTER)
            .add(templates, Occur.MUST_NOT);
    if (service != null) {
      query.add(new TermQuery(new Term(IndexFields.SERVICE, service)), Occur.FILTER);
    }
    Sort sort = new Sort(new SortField(IndexFields.TIMESTAMP, SortField.Type.LONG, newestFirst));
    List<LogEvent> events = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query.build(), limit, sort).scoreDocs) {
      events.add(EventDocuments.toEvent(searcher.storedFields().document(hit.doc)));
    }
    return events;
  }
}
