package dev.logrca.index.search;

import static dev.logrca.index.TestEvents.at;
import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.EventIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagesAndHistogramsTest {
  private final ByteBuffersDirectory events = new ByteBuffersDirectory();
  private final ByteBuffersDirectory incidents = new ByteBuffersDirectory();
  private Searcher searcher;

  /** 30 lines, one a minute from 10:00, alternating payment and checkout; every third an error. */
  @BeforeEach
  void index() throws Exception {
    try (EventIndex index = EventIndex.open(events)) {
      for (int i = 0; i < 30; i++) {
        String service = i % 2 == 0 ? "payment" : "checkout";
        Level level = i % 3 == 0 ? Level.ERROR : Level.INFO;
        String time = Instant.parse("2026-11-27T10:00:00Z").plusSeconds(60L * i).toString();
        index.add(event(service, i, time, level, "line " + i, null));
      }
    }
    searcher = Searcher.open(events, incidents);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
    events.close();
    incidents.close();
  }

  @Test
  void pagesFollowEachOtherWithoutGapsOrRepeats() throws Exception {
    SearchRequest request = new SearchRequest(SearchTarget.EVENTS, "*", null, null, 7);
    List<Long> lines = new ArrayList<>();
    SearchAfter after = null;
    int pages = 0;
    do {
      SearchPage page = searcher.page(request, after, Duration.ofSeconds(5));
      assertThat(page.totalHits()).isEqualTo(30);
      page.hits().forEach(h -> lines.add(((EventHit) h).event().record().line()));
      after = page.next() == null ? null : SearchAfter.parse(page.next().token());
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(5);
    assertThat(lines).hasSize(30).doesNotHaveDuplicates();
    assertThat(lines.get(0)).isEqualTo(29L);
    assertThat(lines.get(29)).isEqualTo(0L);
  }

  @Test
  void aMalformedCursorIsABadQuery() {
    assertThatThrownBy(() -> SearchAfter.parse("yesterday"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("not a page cursor");
  }

  @Test
  void aHistogramCountsPerBucketAndService() throws Exception {
    Histogram h =
        searcher.histogram(
            new HistogramRequest("*", null, null, 600_000L, HistogramRequest.By.SERVICE),
            Duration.ofSeconds(5));
    assertThat(h.from()).isEqualTo(at("2026-11-27T10:00:00Z"));
    assertThat(h.buckets()).isEqualTo(3);
    assertThat(h.total()).isEqualTo(30);
    assertThat(h.series()).extracting(Histogram.Series::key).containsExactly("checkout", "payment");
    assertThat(h.series().get(1).counts()).containsExactly(5, 5, 5);
  }

  @Test
  void aHistogramPicksItsIntervalAndFollowsTheQuery() throws Exception {
    Histogram h =
        searcher.histogram(
            new HistogramRequest("level:error", null, null, null, HistogramRequest.By.LEVEL), null);
    assertThat(h.interval()).isEqualTo(30_000); // 29 minutes in at most 120 buckets
    assertThat(h.total()).isEqualTo(10);
    assertThat(h.series()).extracting(Histogram.Series::key).containsExactly("ERROR");
  }

  @Test
  void tooManyBucketsIsABadQuery() {
    assertThatThrownBy(
            () ->
                searcher.histogram(
                    new HistogramRequest("*", null, null, 1L, HistogramRequest.By.NONE), null))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("buckets; the limit is 2000");
  }

  @Test
  void aSpentBudgetFailsTheSearchInsteadOfAnsweringInPart() {
    SearchRequest request = new SearchRequest(SearchTarget.EVENTS, "line*", null, null, 10);
    assertThatThrownBy(() -> searcher.page(request, null, Duration.ZERO))
        .isInstanceOf(QueryTooSlowException.class)
        .hasMessageContaining("budget of 0 ms");
  }

  @Test
  void evidenceComesWithTheLinesItsServiceLoggedAround() throws Exception {
    LogEvent line = event("payment", 10, "2026-11-27T10:10:00Z", Level.INFO, "line 10", null);
    EventContext context = searcher.context("payment", line.timestamp(), line.eventId(), 2);
    assertThat(context.line().record().line()).isEqualTo(10);
    assertThat(context.before()).extracting(e -> e.record().line()).containsExactly(6L, 8L);
    assertThat(context.after()).extracting(e -> e.record().line()).containsExactly(12L, 14L);
  }
}
