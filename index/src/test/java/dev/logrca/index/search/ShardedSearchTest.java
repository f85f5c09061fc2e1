package dev.logrca.index.search;

import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.EventIndex;
import dev.logrca.index.EventReader;
import dev.logrca.index.EventShards;
import dev.logrca.index.TemplateEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over an event index in two shards gives the answers of one index with the same documents:
 * hits in the same order, totals, pages, histograms (counted afresh and from the cache), template
 * listings and look-ups by a retired template id, and the events a model reads back.
 */
class ShardedSearchTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final String[] SERVICES = {"payment", "checkout", "cart", "auth", "ledger"};
  private static final int LINES = 600;
  private static final Duration BUDGET = Duration.ofMinutes(1);

  @TempDir Path single;
  @TempDir Path sharded;

  /** Line i: its service, a level, a message; every line at its own time, so order is total. */
  private static LogEvent line(int i) {
    String service = SERVICES[(i * 7) % SERVICES.length];
    Level level = i % 9 == 0 ? Level.ERROR : i % 4 == 0 ? Level.WARN : Level.INFO;
    String message = i % 9 == 0 ? "timeout calling db after " + i + " ms" : "request " + i + " ok";
    return event(service, i, T0.plusMillis(1_357L * i).toString(), level, message, null);
  }

  /** The last template of each service has its first merged into it. */
  private static List<TemplateEntry> templates() {
    List<TemplateEntry> all = new ArrayList<>();
    for (String service : SERVICES) {
      long at = T0.toEpochMilli();
      all.add(new TemplateEntry(service, service + ":0", "request <*> ok", List.of(), at));
      all.add(new TemplateEntry(service, service + ":1", "timeout <*>", List.of(), at));
      all.add(
          new TemplateEntry(
              service, service + ":2", "request <*> <*>", List.of(service + ":0"), at + 1));
    }
    return all;
  }

  private void writeBoth() throws IOException {
    EventIndex[] shards = {
      EventShards.openShard(sharded, 0, 2, EventShards.DEFAULT_KEY_GROUPS),
      EventShards.openShard(sharded, 1, 2, EventShards.DEFAULT_KEY_GROUPS)
    };
    try (EventIndex one = EventIndex.open(EventIndex.folderIn(single));
        EventIndex s0 = shards[0];
        EventIndex s1 = shards[1]) {
      for (int i = 0; i < LINES; i++) {
        LogEvent e = line(i);
        one.add(e);
        shards[EventShards.shardOf(e.service(), 2, EventShards.DEFAULT_KEY_GROUPS)].add(e);
        if (i == LINES / 2) {
          one.commit(); // several segments in each index, as a running job leaves them
          s0.commit();
          s1.commit();
        }
      }
      for (TemplateEntry t : templates()) {
        one.update(t);
        shards[EventShards.shardOf(t.service(), 2, EventShards.DEFAULT_KEY_GROUPS)].update(t);
      }
    }
  }

  @Test
  void twoShardsAnswerAsOneIndex() throws Exception {
    writeBoth();
    assertThat(EventShards.folders(sharded))
        .containsExactly(
            EventIndex.folderIn(sharded).resolve("shard-0"),
            EventIndex.folderIn(sharded).resolve("shard-1"));
    assertThat(EventShards.folders(single)).containsExactly(EventIndex.folderIn(single));
    assertThat(EventShards.count(sharded)).isEqualTo(LINES).isEqualTo(EventShards.count(single));
    try (Searcher one = Searcher.open(single);
        Searcher two = Searcher.open(sharded)) {
      for (String q : new String[] {"*", "level:error", "timeout", "service:cart", "NOT ok"}) {
        SearchRequest request = new SearchRequest(SearchTarget.EVENTS, q, null, null, 1_000);
        assertThat(answer(two.search(request))).as(q).isEqualTo(answer(one.search(request)));
        assertThat(pages(two, q)).as("pages of " + q).isEqualTo(pages(one, q));
      }
      // a retired id finds the survivor's events, in whichever shard its service is
      SearchRequest retired =
          new SearchRequest(SearchTarget.EVENTS, "templateId:\"cart:0\"", null, null, 1_000);
      assertThat(two.search(retired).totalHits()).isPositive();
      assertThat(answer(two.search(retired))).isEqualTo(answer(one.search(retired)));
      for (int round = 0; round < 2; round++) { // the second round comes from the cache
        for (HistogramRequest.By by : HistogramRequest.By.values()) {
          HistogramRequest h = new HistogramRequest("*", null, null, 60_000L, by);
          Duration budget = round == 0 ? null : BUDGET;
          assertThat(text(two.histogram(h, budget)))
              .as(by.name())
              .isEqualTo(text(one.histogram(h, null)));
        }
      }
      assertThat(two.templates(null, 100)).hasSize(10).isEqualTo(one.templates(null, 100));
      assertThat(two.templates("auth", 100)).isEqualTo(one.templates("auth", 100));
      assertThat(two.versions()[0]).isPositive();
    }
    assertThat(EventReader.read(sharded, Long.MIN_VALUE, Long.MAX_VALUE))
        .isEqualTo(EventReader.read(single, Long.MIN_VALUE, Long.MAX_VALUE))
        .hasSize(LINES);
  }

  /** A search's hits as event ids with their shown template ids, and its total. */
  private static List<String> answer(SearchResult result) {
    List<String> shown = new ArrayList<>();
    shown.add("total " + result.totalHits());
    for (Hit hit : result.hits()) {
      LogEvent e = ((EventHit) hit).event();
      shown.add(e.eventId() + " " + e.templateId() + " " + e.template());
    }
    return shown;
  }

  /**
   * Every page of {@code q}, 37 hits at a time, within a time budget (each shard wrapped), as event
   * ids and the totals given with them.
   */
  private static List<String> pages(Searcher searcher, String q) throws IOException {
    List<String> shown = new ArrayList<>();
    SearchAfter after = null;
    do {
      SearchPage page =
          searcher.page(new SearchRequest(SearchTarget.EVENTS, q, null, null, 37), after, BUDGET);
      shown.add("total " + page.totalHits() + " exact " + page.totalExact());
      page.hits().forEach(h -> shown.add(((EventHit) h).event().eventId()));
      after = page.next();
    } while (after != null);
    return shown;
  }

  private static String text(Histogram h) {
    StringBuilder s = new StringBuilder(h.from() + "/" + h.interval() + "/" + h.total());
    for (Histogram.Series series : h.series()) {
      s.append('\n').append(series.key()).append(' ').append(series.total());
      s.append(' ').append(Arrays.toString(series.counts()));
    }
    return s.toString();
  }
}
