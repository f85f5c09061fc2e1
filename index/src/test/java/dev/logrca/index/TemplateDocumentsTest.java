package dev.logrca.index;

import static dev.logrca.index.TestEvents.at;
import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchResult;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import dev.logrca.index.search.TemplateListing;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template documents in the event index: replaced on change, found under retired ids. */
class TemplateDocumentsTest {
  @TempDir Path data;

  /** An event of template {@code templateId} whose text was {@code text} when it was mined. */
  private static LogEvent minedAs(LogEvent e, String templateId, String text) {
    return new LogEvent(e.record(), templateId, text, List.of(), false);
  }

  private void indexSessionsThenMerge() throws Exception {
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      String alice = "session closed for user alice";
      String bob = "session closed for user bob";
      index.add(
          minedAs(
              event("auth", 1, "2026-11-27T10:00:00Z", Level.INFO, alice, null), "auth:1", alice));
      index.update(
          new TemplateEntry("auth", "auth:1", alice, List.of(), at("2026-11-27T10:00:00Z")));
      index.add(
          minedAs(event("auth", 2, "2026-11-27T10:00:01Z", Level.INFO, bob, null), "auth:2", bob));
      index.update(new TemplateEntry("auth", "auth:2", bob, List.of(), at("2026-11-27T10:00:01Z")));
      index.add(
          minedAs(
              event(
                  "auth",
                  3,
                  "2026-11-27T10:00:02Z",
                  Level.INFO,
                  "session closed for user carol",
                  null),
              "auth:1",
              "session closed for user <*>"));
      index.update(
          new TemplateEntry(
              "auth",
              "auth:1",
              "session closed for user <*>",
              List.of("auth:2"),
              at("2026-11-27T10:00:02Z")));
      String other = "cache warmed";
      index.add(
          minedAs(
              event("cart", 1, "2026-11-27T10:00:03Z", Level.INFO, other, null), "cart:1", other));
      index.update(
          new TemplateEntry("cart", "cart:1", other, List.of(), at("2026-11-27T10:00:03Z")));
      assertThat(index.count()).as("template documents are not events").isEqualTo(4);
    }
  }

  private static List<LogEvent> events(SearchResult result) {
    return result.hits().stream().map(h -> ((EventHit) h).event()).toList();
  }

  @Test
  void aChangedTemplateReplacesItsDocumentAndEventsShowItsCurrentText() throws Exception {
    indexSessionsThenMerge();
    try (Searcher searcher = Searcher.open(data)) {
      List<TemplateListing> auth = searcher.templates("auth", 10);
      assertThat(auth).hasSize(1);
      TemplateEntry merged = auth.get(0).template();
      assertThat(merged.templateId()).isEqualTo("auth:1");
      assertThat(merged.text()).isEqualTo("session closed for user <*>");
      assertThat(merged.retiredIds()).containsExactly("auth:2");
      assertThat(auth.get(0).events()).isEqualTo(3);

      SearchResult all = searcher.search(SearchRequest.of(SearchTarget.EVENTS, "*"));
      assertThat(all.totalHits()).as("template documents are not hits").isEqualTo(4);
      assertThat(events(all))
          .filteredOn(e -> e.service().equals("auth"))
          .extracting(LogEvent::templateId, LogEvent::template)
          .containsOnly(tuple("auth:1", "session closed for user <*>"));
    }
  }

  @Test
  void aRetiredIdFindsTheEventsOfTheTemplateItWasMergedInto() throws Exception {
    indexSessionsThenMerge();
    try (Searcher searcher = Searcher.open(data)) {
      for (String id : List.of("auth:1", "auth:2")) {
        SearchResult result =
            searcher.search(SearchRequest.of(SearchTarget.EVENTS, "templateId:\"" + id + "\""));
        assertThat(events(result))
            .as("events of %s", id)
            .extracting(e -> e.record().line())
            .containsExactly(3L, 2L, 1L);
      }
      SearchResult cart =
          searcher.search(SearchRequest.of(SearchTarget.EVENTS, "templateId:\"cart:1\""));
      assertThat(cart.totalHits()).isEqualTo(1);
      assertThat(searcher.templates(null, 10))
          .extracting(l -> l.template().templateId(), TemplateListing::events)
          .containsExactly(tuple("auth:1", 3L), tuple("cart:1", 1L));
    }
  }
}
