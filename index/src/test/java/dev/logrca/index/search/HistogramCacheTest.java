package dev.logrca.index.search;

import static dev.logrca.index.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.EventIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Histograms reuse per-segment counts across requests; after new commits (new segments, lines
 * replaced, merges) they must still equal a count made from the events themselves.
 */
class HistogramCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  // three services of three templates each: nine series, under the ten a histogram keeps apart
  private static final String[] SERVICES = {"payment", "checkout", "cart"};

  private static LogEvent line(int i, Level level) {
    String service = SERVICES[(i * 7) % SERVICES.length];
    return event(service, i, T0.plusSeconds(7L * i).toString(), level, "line " + i, null);
  }

  private static Level levelOf(int i) {
    return i % 5 == 0 ? Level.ERROR : Level.INFO;
  }

  /** Histograms with and without windows, cut into buckets or on their edges, split or not. */
  private static List<HistogramRequest> requests() {
    long min = T0.toEpochMilli();
    List<HistogramRequest> all = new ArrayList<>();
    for (HistogramRequest.By by : HistogramRequest.By.values()) {
      for (String q : new String[] {"*", "level:error"}) {
        all.add(new HistogramRequest(q, null, null, null, by));
        all.add(new HistogramRequest(q, null, null, 60_000L, by));
        all.add(new HistogramRequest(q, min + 61_500, min + 1_800_250, 60_000L, by));
        all.add(new HistogramRequest(q, min + 120_000, min + 1_799_999, 60_000L, by));
        all.add(new HistogramRequest(q, min + 130_000, min + 170_000, 60_000L, by));
        all.add(new HistogramRequest(q, min + 5_000, null, 300_000L, by));
        // buckets of 1 ms: each segment spans too many of them to cache, so it is counted afresh
        all.add(new HistogramRequest(q, min + 6_000, min + 7_499, 1L, by));
      }
    }
    return all;
  }

  @Test
  void cachedHistogramsEqualCountsOfTheEventsAfterEveryCommit() throws Exception {
    Map<Integer, LogEvent> indexed = new TreeMap<>();
    try (ByteBuffersDirectory events = new ByteBuffersDirectory();
        ByteBuffersDirectory incidents = new ByteBuffersDirectory();
        EventIndex index = EventIndex.open(events)) {
      try (Searcher searcher = Searcher.open(events, incidents)) {
        for (int round = 0; round < 4; round++) {
          for (int i = round * 150; i < round * 150 + 300; i++) {
            // the second half of each round rewrites lines of the round before at another level
            LogEvent e = line(i, round % 2 == 0 ? levelOf(i) : levelOf(i + 1));
            index.add(e);
            indexed.put(i, e);
          }
          index.commit();
          for (HistogramRequest request : requests()) {
            // asked twice: the second answer comes from the counts the first one kept
            String first = render(searcher.histogram(request, Duration.ofSeconds(10)));
            String second = render(searcher.histogram(request, Duration.ofSeconds(10)));
            String expected = render(expected(indexed.values(), request, first));
            assertThat(first).as("round %d, %s", round, request).isEqualTo(expected);
            assertThat(second).as("again: round %d, %s", round, request).isEqualTo(expected);
          }
        }
      }
    }
  }

  /** The histogram counted straight from the events, over the buckets the answer chose. */
  private static Histogram expected(
      java.util.Collection<LogEvent> events, HistogramRequest request, String answered) {
    String[] head = answered.split("\\|")[0].split(",");
    long from = Long.parseLong(head[0]);
    long interval = Long.parseLong(head[1]);
    int buckets = Integer.parseInt(head[2]);
    long since = request.since() == null ? Long.MIN_VALUE : request.since();
    long until = request.until() == null ? Long.MAX_VALUE : request.until();
    Map<String, long[]> series = new TreeMap<>();
    for (LogEvent e : events) {
      long t = e.record().timestamp();
      boolean matches = request.query().equals("*") || e.record().level() == Level.ERROR;
      if (!matches || t < since || t > until) {
        continue;
      }
      String key =
          switch (request.by()) {
            case NONE -> "all";
            case SERVICE -> e.record().service();
            case LEVEL -> e.record().level().name();
            case TEMPLATE -> e.templateId();
          };
      series.computeIfAbsent(key, k -> new long[buckets])[(int) ((t - from) / interval)]++;
    }
    List<Histogram.Series> list = new ArrayList<>();
    series.forEach((k, c) -> list.add(new Histogram.Series(k, Arrays.stream(c).sum(), c)));
    long total = list.stream().mapToLong(Histogram.Series::total).sum();
    return new Histogram(from, interval, buckets, total, list);
  }

  /** A histogram as text, series in key order, so that two can be compared. */
  private static String render(Histogram h) {
    StringBuilder out = new StringBuilder();
    out.append(h.from()).append(',').append(h.interval()).append(',').append(h.buckets());
    out.append(',').append(h.total());
    h.series().stream()
        .sorted(java.util.Comparator.comparing(Histogram.Series::key))
        .forEach(
            s -> out.append('|').append(s.key()).append('=').append(Arrays.toString(s.counts())));
    return out.toString();
  }
}
