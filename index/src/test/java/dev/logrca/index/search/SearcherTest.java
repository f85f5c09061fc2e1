package dev.logrca.index.search;

import static dev.logrca.index.TestEvents.at;
import static dev.logrca.index.TestEvents.event;
import static dev.logrca.index.TestEvents.incident;
import static dev.logrca.index.TestEvents.undecoded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.index.EventIndex;
import dev.logrca.index.IncidentIndex;
import java.util.List;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearcherTest {
  private final ByteBuffersDirectory events = new ByteBuffersDirectory();
  private final ByteBuffersDirectory incidents = new ByteBuffersDirectory();
  private Searcher searcher;

  @BeforeEach
  void index() throws Exception {
    try (EventIndex index = EventIndex.open(events)) {
      index.add(event("payment", 1, "2026-11-27T10:00:00Z", Level.INFO, "charge accepted", "t1"));
      index.add(
          event(
              "payment",
              2,
              "2026-11-27T10:02:00Z",
              Level.ERROR,
              "java.net.ConnectException: Connection refused (host=db-1:5432)",
              "t2"));
      index.add(event("checkout", 3, "2026-11-27T10:04:00Z", Level.WARN, "retrying payment", "t2"));
      index.add(event("checkout", 4, "2026-11-27T10:06:00Z", Level.ERROR, "payment failed", "t2"));
      index.add(undecoded("payment", 5, "2026-11-27T10:08:00Z", "{\"msg\": \"half a json"));
    }
    try (IncidentIndex index = IncidentIndex.open(incidents)) {
      index.upsert(
          incident(
              "a", "2026-11-27T10:00:00Z", "2026-11-27T10:05:00Z", "postgres", "dependency.down"));
      index.upsert(
          incident(
              "b", "2026-11-27T11:00:00Z", "2026-11-27T11:10:00Z", "cart", "resource.disk_full"));
    }
    searcher = Searcher.open(events, incidents);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
    events.close();
    incidents.close();
  }

  private List<Long> eventLines(String query) throws Exception {
    return eventLines(new SearchRequest(SearchTarget.EVENTS, query, null, null, 100));
  }

  private List<Long> eventLines(SearchRequest request) throws Exception {
    return searcher.search(request).hits().stream()
        .map(h -> ((EventHit) h).event().record().line())
        .toList();
  }

  @Test
  void everythingComesNewestFirst() throws Exception {
    assertThat(eventLines("*")).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(eventLines("")).containsExactly(5L, 4L, 3L, 2L, 1L);
  }

  @Test
  void theLimitCutsTheHitsButNotTheTotal() throws Exception {
    SearchResult result =
        searcher.search(new SearchRequest(SearchTarget.EVENTS, "*", null, null, 2));

    assertThat(result.totalHits()).isEqualTo(5);
    assertThat(result.hits())
        .extracting(Hit::timestamp)
        .containsExactly(at("2026-11-27T10:08:00Z"), at("2026-11-27T10:06:00Z"));
  }

  @Test
  void levelsMatchInAnyCaseAndSpelling() throws Exception {
    assertThat(eventLines("level:error")).containsExactly(4L, 2L);
    assertThat(eventLines("level:ERROR")).containsExactly(4L, 2L);
    assertThat(eventLines("level:Warning")).containsExactly(3L);
    assertThat(eventLines("level:err*")).containsExactly(4L, 2L);
  }

  @Test
  void wordsSearchTheMessageInsideDottedAndPunctuatedText() throws Exception {
    assertThat(eventLines("ConnectException")).containsExactly(2L);
    assertThat(eventLines("connection refused")).containsExactly(2L);
    assertThat(eventLines("db-1")).containsExactly(2L);
    assertThat(eventLines("payment")).containsExactly(4L, 3L);
    assertThat(eventLines("payment OR charge")).containsExactly(4L, 3L, 1L);
  }

  @Test
  void exactFieldsAndAttributesMatchWholeValues() throws Exception {
    assertThat(eventLines("service:checkout")).containsExactly(4L, 3L);
    assertThat(eventLines("traceId:t2 AND service:payment")).containsExactly(2L);
    assertThat(eventLines("attr.region:eu-west-1 AND level:info")).containsExactly(1L);
    assertThat(eventLines("service:pay*")).containsExactly(5L, 2L, 1L);
  }

  @Test
  void aQueryOfOnlyExclusionsMeansEverythingElse() throws Exception {
    assertThat(eventLines("NOT service:payment")).containsExactly(4L, 3L);
    assertThat(eventLines("-level:error -level:unknown")).containsExactly(3L, 1L);
  }

  @Test
  void linesKeptAsRawAreFoundByTheirFlagAndText() throws Exception {
    assertThat(eventLines("decodeFailed:true")).containsExactly(5L);
    assertThat(eventLines("decodeFailed:false")).containsExactly(4L, 3L, 2L, 1L);
    assertThat(eventLines("decodeError:unbalanced")).containsExactly(5L);
    assertThat(eventLines("\"half a json\"")).containsExactly(5L);
  }

  @Test
  void timeWindowsAndTimestampRangesFilterEvents() throws Exception {
    long since = at("2026-11-27T10:02:00Z");
    long until = at("2026-11-27T10:06:00Z");
    assertThat(eventLines(new SearchRequest(SearchTarget.EVENTS, "*", since, until, 100)))
        .containsExactly(4L, 3L, 2L);
    assertThat(eventLines(new SearchRequest(SearchTarget.EVENTS, "level:error", since, null, 100)))
        .containsExactly(4L, 2L);
    assertThat(eventLines("timestamp:[2026-11-27T10:02:00Z TO 2026-11-27T10:06:00Z}"))
        .containsExactly(3L, 2L);
    assertThat(eventLines("timestamp:{2026-11-27T10:02:00Z TO *]")).containsExactly(5L, 4L, 3L);
    assertThat(eventLines("timestamp:2026-11-27")).hasSize(5);
    assertThat(eventLines("timestamp:2026-11-28")).isEmpty();
  }

  @Test
  void incidentsComeBackExactlyAsTheirJsonWasWritten() throws Exception {
    SearchResult result = searcher.search(SearchRequest.of(SearchTarget.INCIDENTS, "*"));

    assertThat(result.totalHits()).isEqualTo(2);
    IncidentHit newest = (IncidentHit) result.hits().get(0);
    Incident b =
        incident("b", "2026-11-27T11:00:00Z", "2026-11-27T11:10:00Z", "cart", "resource.disk_full");
    assertThat(newest.json()).isEqualTo(IncidentJson.write(b));
    assertThat(IncidentJson.write(newest.incident())).isEqualTo(IncidentJson.write(b));
  }

  @Test
  void incidentsAreFoundByCauseServiceTextAndOverlappingTime() throws Exception {
    assertThat(incidentIds("rootCategory:dependency.down")).containsExactly("a");
    assertThat(incidentIds("services:cart")).containsExactly("b");
    assertThat(incidentIds("categories:network.latency")).containsExactly("b", "a");
    assertThat(incidentIds("rules:\"Datastore refuses connections\"")).containsExactly("b", "a");
    assertThat(incidentIds("\"stopped accepting\" AND postgres")).containsExactly("a");
    assertThat(incidentIds("start:[2026-11-27T10:30:00Z TO *]")).containsExactly("b");
    SearchRequest overlapping =
        new SearchRequest(
            SearchTarget.INCIDENTS,
            "*",
            at("2026-11-27T10:04:00Z"),
            at("2026-11-27T10:30:00Z"),
            10);
    assertThat(searcher.search(overlapping).hits())
        .extracting(h -> ((IncidentHit) h).incident().id())
        .containsExactly("a");
  }

  @Test
  void aBadQueryFailsBeforeTouchingTheIndex() {
    assertThatThrownBy(() -> searcher.search(SearchRequest.of(SearchTarget.EVENTS, "Level:error")))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("did you mean 'level'");
  }

  @Test
  void searchingAnIndexNotWrittenYetSaysSo() throws Exception {
    try (ByteBuffersDirectory empty = new ByteBuffersDirectory();
        Searcher noIncidents = Searcher.open(events, empty)) {
      assertThatThrownBy(() -> noIncidents.search(SearchRequest.of(SearchTarget.INCIDENTS, "*")))
          .isInstanceOf(IndexNotFoundException.class)
          .hasMessageContaining("no incident index");
    }
  }

  private List<String> incidentIds(String query) throws Exception {
    return searcher.search(SearchRequest.of(SearchTarget.INCIDENTS, query)).hits().stream()
        .map(h -> ((IncidentHit) h).incident().id())
        .toList();
  }
}
