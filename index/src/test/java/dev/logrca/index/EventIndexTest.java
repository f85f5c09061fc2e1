package dev.logrca.index;

import static dev.logrca.index.TestEvents.event;
import static dev.logrca.index.TestEvents.undecoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchResult;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventIndexTest {
  @TempDir Path data;

  private final List<LogEvent> events =
      List.of(
          event("payment", 1, "2026-11-27T10:00:00Z", Level.INFO, "charge accepted", "t1"),
          event("payment", 2, "2026-11-27T10:00:05Z", Level.ERROR, "connection refused", "t2"),
          event("checkout", 1, "2026-11-27T10:00:07Z", Level.WARN, "retrying payment", "t2"));

  @Test
  void addingTheSameEventsAgainKeepsTheCount() throws Exception {
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      for (LogEvent e : events) {
        index.add(e);
      }
      assertThat(index.count()).isEqualTo(3);
      for (LogEvent e : events) {
        index.add(e);
      }
      assertThat(index.count()).isEqualTo(3);
    }
    try (EventIndex reopened = EventIndex.open(EventIndex.folderIn(data))) {
      reopened.add(events.get(0));
      reopened.add(event("cart", 1, "2026-11-27T10:01:00Z", Level.INFO, "cart saved", null));
      assertThat(reopened.count()).isEqualTo(4);
    }
  }

  @Test
  void addOnceAppendsIntoANewIndexAndReplacesByIdInOneThatHeldDocuments() throws Exception {
    try (EventIndex fresh = EventIndex.open(EventIndex.folderIn(data))) {
      assertThat(fresh.emptyWhenOpened()).isTrue();
      for (LogEvent e : events) {
        fresh.addOnce(e);
      }
      assertThat(fresh.count()).isEqualTo(3);
      fresh.commit();
      // a restore replays lines after the checkpoint into a reopened writer: it replaces by id
    }
    try (EventIndex rerun = EventIndex.open(EventIndex.folderIn(data))) {
      assertThat(rerun.emptyWhenOpened()).isFalse();
      for (LogEvent e : events) {
        rerun.addOnce(e);
      }
      rerun.addOnce(event("cart", 1, "2026-11-27T10:01:00Z", Level.INFO, "cart saved", null));
      assertThat(rerun.count()).isEqualTo(4);
    }
    try (Searcher searcher = Searcher.open(data)) {
      assertThat(searcher.search(SearchRequest.of(SearchTarget.EVENTS, "*")).totalHits())
          .isEqualTo(4);
    }
  }

  @Test
  void aWriterRolledBackBeforeItsFirstCommitLeavesTheNextOneAppending() throws Exception {
    EventIndex first = EventIndex.open(EventIndex.folderIn(data));
    first.addOnce(events.get(0));
    first.rollback();
    // nothing was committed, so a replay from the start cannot meet a copy
    try (EventIndex replay = EventIndex.open(EventIndex.folderIn(data))) {
      assertThat(replay.emptyWhenOpened()).isTrue();
      for (LogEvent e : events) {
        replay.addOnce(e);
      }
      assertThat(replay.count()).isEqualTo(3);
    }
  }

  @Test
  void searchReturnsTheStoredFieldsOfEachEvent() throws Exception {
    LogEvent raw = undecoded("payment", 9, "2026-11-27T10:00:09Z", "{\"level\":\"err\", oops");
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      events.forEach(e -> addQuietly(index, e));
      index.add(raw);
    }
    try (Searcher searcher = Searcher.open(data)) {
      SearchResult result = searcher.search(SearchRequest.of(SearchTarget.EVENTS, "*"));

      assertThat(result.totalHits()).isEqualTo(4);
      LogEvent newest = ((EventHit) result.hits().get(0)).event();
      assertThat(newest.record()).isEqualTo(raw.record());
      LogEvent error = ((EventHit) result.hits().get(2)).event();
      assertThat(error.record()).isEqualTo(events.get(1).record());
      assertThat(error.templateId()).isEqualTo(events.get(1).templateId());
      assertThat(error.template()).isEqualTo(events.get(1).template());
    }
  }

  @Test
  void decodedAndRawKeptLinesShareAnIndexAndTheRawTextIsSearchable() throws Exception {
    LogEvent decoded = events.get(1);
    LogEvent kept =
        TestEvents.keptWithHeader(
            "payment",
            10,
            "2026-11-27T10:00:10Z",
            "2026-11-27T10:00:10Z WARN bad bytes \uFFFD",
            "bad bytes");
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      index.add(kept);
      index.add(decoded);
      index.add(event("cart", 1, "2026-11-27T10:01:00Z", Level.INFO, "cart saved", null));
    }
    try (Searcher searcher = Searcher.open(data)) {
      assertThat(searcher.search(SearchRequest.of(SearchTarget.EVENTS, "*")).totalHits())
          .isEqualTo(3);
      SearchResult raw = searcher.search(SearchRequest.of(SearchTarget.EVENTS, "raw:WARN"));
      assertThat(raw.totalHits()).isEqualTo(1);
      assertThat(((EventHit) raw.hits().get(0)).event().record()).isEqualTo(kept.record());
    }
  }

  @Test
  void commitsBecomeVisibleToAnOpenSearcher() throws Exception {
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data));
        Searcher searcher = Searcher.open(data)) {
      index.add(events.get(0));
      index.commit();
      assertThat(searcher.search(SearchRequest.of(SearchTarget.EVENTS, "*")).totalHits())
          .isEqualTo(1);

      index.add(events.get(1));
      index.commit();
      assertThat(searcher.search(SearchRequest.of(SearchTarget.EVENTS, "*")).totalHits())
          .isEqualTo(2);
    }
  }

  private static void addQuietly(EventIndex index, LogEvent e) {
    try {
      index.add(e);
    } catch (java.io.IOException failure) {
      throw new java.io.UncheckedIOException(failure);
    }
  }
}
