package dev.logrca.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.index.search.Histogram;
import dev.logrca.index.search.HistogramRequest;
import dev.logrca.index.search.Searcher;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexNotFoundException;

/** {@code /api/histogram}: event counts over time, split by service, level or template. */
final class HistogramAnswers {
  private final Searcher searcher;
  private final Duration budget;

  HistogramAnswers(Searcher searcher, Duration budget) {
    this.searcher = searcher;
    this.budget = budget;
  }

  /** The histogram {@code params} ask for, times resolved; throws BadQueryException if bad. */
  static HistogramRequest request(ApiParameters params) {
    String by = params.choice("by", Set.of("service", "level", "template"));
    return new HistogramRequest(
        params.text("q"),
        params.time("since"),
        params.time("until"),
        params.interval(),
        by == null
            ? HistogramRequest.By.NONE
            : HistogramRequest.By.valueOf(by.toUpperCase(Locale.ROOT)));
  }

  ObjectNode answer(HistogramRequest request) throws IOException {
    String by =
        request.by() == HistogramRequest.By.NONE
            ? null
            : request.by().name().toLowerCase(Locale.ROOT);
    Histogram h;
    try {
      h = searcher.histogram(request, budget);
    } catch (IndexNotFoundException e) {
      h = new Histogram(0, 60_000, 0, 0, java.util.List.of());
    }
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    answer.put("from", Instant.ofEpochMilli(h.from()).toString());
    answer.put("fromMillis", h.from());
    answer.put("interval", h.interval());
    answer.put("buckets", h.buckets());
    answer.put("total", h.total());
    answer.put("by", by == null ? "none" : by);
    ArrayNode series = answer.putArray("series");
    for (Histogram.Series s : h.series()) {
      ObjectNode one = series.addObject();
      one.put("key", s.key());
      one.put("total", s.total());
      ArrayNode counts = one.putArray("counts");
      for (long c : s.counts()) {
        counts.add(c);
      }
    }
    return answer;
  }
}
