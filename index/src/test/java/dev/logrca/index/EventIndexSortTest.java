package dev.logrca.index;

import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.SearchAfter;
import dev.logrca.index.search.SearchPage;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class EventIndexSortTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

  /** 600 lines in shuffled time order (one a second, each second once), three commits. */
  private static List<LogEvent> shuffledEvents() {
    List<LogEvent> events = new ArrayList<>();
    String[] services = {"payment", "checkout", "cart"};
    for (int i = 0; i < 600; i++) {
      Level level = i % 7 == 0 ? Level.ERROR : i % 5 == 0 ? Level.WARN : Level.INFO;
      String time = T0.plusSeconds(i).toString();
      events.add(
          event(services[i % 3], i, time, level, "line " + i + " of " + services[i % 3], null));
    }
    SplittableRandom random = new SplittableRandom(15);
    for (int i = events.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      events.set(i, events.set(j, events.get(i)));
    }
    return events;
  }

  private static void writeSorted(Directory dir, List<LogEvent> events) throws Exception {
    try (EventIndex index = EventIndex.open(dir)) {
      for (int i = 0; i < events.size(); i++) {
        index.add(events.get(i));
        if (i % 200 == 199) {
          index.commit();
        }
      }
    }
  }

  /** Writes as logrca did before the sort: the same documents, no index sort. */
  private static void writeUnsorted(Directory dir, List<LogEvent> events) throws Exception {
    EventDocuments documents = new EventDocuments();
    try (IndexWriting writing = IndexWriting.open(dir, false)) {
      for (int i = 0; i < events.size(); i++) {
        LogEvent e = events.get(i);
        writing
            .writer()
            .updateDocument(new Term(IndexFields.ID, e.eventId()), documents.toDocument(e));
        if (i % 200 == 199) {
          writing.commit();
        }
      }
    }
  }

  @Test
  void theEventIndexKeepsItsSegmentsNewestFirst() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      writeSorted(dir, shuffledEvents());
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      assertThat(infos.size()).isPositive();
      for (SegmentCommitInfo segment : infos) {
        assertThat(segment.info.getIndexSort()).isEqualTo(IndexSorting.NEWEST_FIRST);
      }
    }
  }

  @Test
  void aSortedIndexPagesNewestFirstExactlyAsAnUnsortedOne() throws Exception {
    List<LogEvent> events = shuffledEvents();
    try (ByteBuffersDirectory sorted = new ByteBuffersDirectory();
        ByteBuffersDirectory unsorted = new ByteBuffersDirectory();
        ByteBuffersDirectory noIncidents = new ByteBuffersDirectory()) {
      writeSorted(sorted, events);
      writeUnsorted(unsorted, events);
      try (Searcher a = Searcher.open(sorted, noIncidents);
          Searcher b = Searcher.open(unsorted, noIncidents)) {
        long since = T0.plusSeconds(100).toEpochMilli();
        long until = T0.plusSeconds(450).toEpochMilli();
        for (String q : List.of("*", "service:payment", "level:error", "line", "NOT level:info")) {
          for (Long[] window : List.of(new Long[] {null, null}, new Long[] {since, until})) {
            SearchRequest request =
                new SearchRequest(SearchTarget.EVENTS, q, window[0], window[1], 45);
            List<String> fromSorted = allPages(a, request);
            assertThat(fromSorted).as(q).isNotEmpty().isEqualTo(allPages(b, request));
          }
        }
        // the first page is newest first
        SearchPage first =
            a.page(new SearchRequest(SearchTarget.EVENTS, "*", null, null, 3), null, null);
        assertThat(first.hits())
            .extracting(h -> ((EventHit) h).event().record().line())
            .containsExactly(599L, 598L, 597L);
      }
    }
  }

  private static List<String> allPages(Searcher searcher, SearchRequest request) throws Exception {
    List<String> ids = new ArrayList<>();
    SearchAfter after = null;
    do {
      SearchPage page = searcher.page(request, after, Duration.ofSeconds(10));
      page.hits().forEach(h -> ids.add(((EventHit) h).event().eventId()));
      after = page.next() == null ? null : SearchAfter.parse(page.next().token());
    } while (after != null);
    return ids;
  }

  @Test
  void anIndexWrittenBeforeTheSortStaysReadableAndWritable() throws Exception {
    List<LogEvent> events = shuffledEvents();
    try (ByteBuffersDirectory old = new ByteBuffersDirectory();
        ByteBuffersDirectory noIncidents = new ByteBuffersDirectory()) {
      writeUnsorted(old, events.subList(0, 400));
      // today's writer appends to it (unsorted, as Lucene cannot mix), and searches read it all
      writeSorted(old, events.subList(400, 600));
      for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(old)) {
        assertThat(segment.info.getIndexSort()).isNull();
      }
      try (Searcher searcher = Searcher.open(old, noIncidents)) {
        SearchPage page =
            searcher.page(new SearchRequest(SearchTarget.EVENTS, "*", null, null, 2), null, null);
        assertThat(page.totalHits()).isEqualTo(600);
        assertThat(page.hits())
            .extracting(h -> ((EventHit) h).event().record().line())
            .containsExactly(599L, 598L);
      }
    }
  }
}
