package dev.logrca.web;

import static dev.logrca.web.Http.get;
import static dev.logrca.web.Http.json;
import static dev.logrca.web.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logrca.core.model.Level;
import dev.logrca.index.EventIndex;
import dev.logrca.index.search.Searcher;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {
  @TempDir static Path data;
  static int events;
  static Searcher searcher;
  static WebServer server;
  static URI base;

  @BeforeAll
  static void serve() throws Exception {
    events = ShopData.write(data);
    searcher = Searcher.open(data);
    server = WebServer.start(ServeSettings.loopback(0), searcher, null);
    base = server.uri();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  @Test
  void searchPagesThroughEventsNewestFirst() throws Exception {
    List<String> times = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page =
          json(
              get(
                  base,
                  "api/search?q="
                      + q("service:postgres AND level:fatal")
                      + "&size=200"
                      + (after == null ? "" : "&after=" + after)));
      assertThat(page.get("total").asLong()).isEqualTo(300);
      page.get("hits").forEach(h -> times.add(h.get("timestamp").asText()));
      after = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(2);
    assertThat(times).hasSize(300).doesNotHaveDuplicates();
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void searchKeepsToTheTimeWindow() throws Exception {
    JsonNode page =
        json(
            get(
                base,
                "api/search?since=2026-11-27T10:01:00Z&until=2026-11-27T10:01:09.999Z"
                    + "&q=service:checkout"));
    assertThat(page.get("total").asLong()).isEqualTo(10);
  }

  @Test
  void aBadQueryIsA400WithTheReason() throws Exception {
    HttpResponse<String> r = get(base, "api/search?q=" + q("servce:payment"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = json(r);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("reason").asText()).contains("unknown field 'servce'");
    assertThat(json(get(base, "api/search?size=501")).get("reason").asText())
        .contains("size must be a whole number from 1 to 500");
    assertThat(json(get(base, "api/search?after=yesterday")).get("reason").asText())
        .contains("not a page cursor");
    assertThat(json(get(base, "api/search?since=soon")).get("reason").asText())
        .startsWith("since: ");
  }

  @Test
  void incidentsListFiltersByStatusAndQuery() throws Exception {
    JsonNode all = json(get(base, "api/incidents"));
    assertThat(all.get("total").asLong()).isEqualTo(2);
    assertThat(all.get("incidents").get(0).get("id").asText()).isEqualTo(ShopData.INCIDENT_ID);
    JsonNode resolved = json(get(base, "api/incidents?status=resolved"));
    assertThat(resolved.get("incidents"))
        .extracting(i -> i.get("id").asText())
        .containsExactly(ShopData.OLD_INCIDENT_ID);
    JsonNode postgres = json(get(base, "api/incidents?status=open&q=rootService:postgres"));
    assertThat(postgres.get("total").asLong()).isEqualTo(1);
    assertThat(get(base, "api/incidents?status=closed").statusCode()).isEqualTo(400);
  }

  @Test
  void anIncidentComesAsStoredWithItsBreakdowns() throws Exception {
    JsonNode incident = json(get(base, "api/incidents/" + ShopData.INCIDENT_ID));
    JsonNode root = incident.get("rootCauses").get(0);
    assertThat(root.get("service").asText()).isEqualTo("postgres");
    assertThat(root.get("breakdown").get("components")).hasSize(3);
    HttpResponse<String> missing = get(base, "api/incidents/ffffffffffffffff");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("reason").asText()).isEqualTo("no incident ffffffffffffffff");
  }

  @Test
  void explainGivesTermsEvidenceInContextAndTheCallGraph() throws Exception {
    JsonNode explained = json(get(base, "api/incidents/" + ShopData.INCIDENT_ID + "/explain"));
    JsonNode first = explained.get("causes").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("terms"))
        .extracting(t -> t.get("label").asText())
        .containsExactly("rule confidence", "first to go wrong", "call graph");
    assertThat(first.get("terms").get(0).get("contribution").asDouble()).isEqualTo(0.36, within());
    JsonNode proof = first.get("evidence").get(0);
    assertThat(proof.get("message").asText()).isEqualTo(ShopData.REFUSED);
    assertThat(proof.get("before")).hasSize(3);
    assertThat(proof.get("before").get(2).get("message").asText()).isEqualTo("statement took 3 ms");
    assertThat(proof.get("after")).hasSize(3);
    JsonNode graph = explained.get("callGraph");
    assertThat(graph.get("edges"))
        .extracting(e -> e.get("caller").asText() + ">" + e.get("callee").asText())
        .contains("checkout>payment", "payment>postgres");
    assertThat(graph.get("source").asText()).startsWith("inferred from the logs");
    assertThat(graph.get("nodes"))
        .filteredOn(n -> n.get("root").asBoolean())
        .extracting(n -> n.get("service").asText())
        .containsExactly("postgres");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  void templatesAndHistograms() throws Exception {
    JsonNode templates = json(get(base, "api/templates?service=postgres"));
    assertThat(templates.get("templates"))
        .extracting(t -> t.get("templateId").asText())
        .containsExactly("postgres:2");
    assertThat(templates.get("templates").get(0).get("events").asLong()).isEqualTo(300);
    JsonNode h =
        json(
            get(
                base,
                "api/histogram?q=" + q("level:fatal OR level:error") + "&by=service&interval=1m"));
    assertThat(h.get("buckets").asInt()).isEqualTo(10);
    assertThat(h.get("total").asLong()).isEqualTo(600);
    JsonNode postgres = h.get("series").get(1);
    assertThat(postgres.get("key").asText()).isEqualTo("postgres");
    assertThat(postgres.get("counts").get(4).asLong()).isZero();
    assertThat(postgres.get("counts").get(5).asLong()).isEqualTo(60);
    assertThat(get(base, "api/histogram?by=host").statusCode()).isEqualTo(400);
    assertThat(
            json(get(base, "api/histogram?interval=1ms&since=2020-01-01")).get("reason").asText())
        .contains("buckets; the limit is 2000");
  }

  @Test
  void healthMetricsAndTheContract() throws Exception {
    assertThat(json(get(base, "health")).get("status").asText()).isEqualTo("ok");
    get(base, "api/search?q=" + q("bad:field"));
    String metrics = get(base, "metrics").body();
    assertThat(metrics)
        .contains("logrca_http_requests_total{route=\"/api/search\",status=\"400\"}")
        .contains("logrca_http_request_seconds_bucket{route=\"/health\",le=\"+Inf\"}")
        .contains("logrca_index_documents{index=\"incidents\"} 2");
    JsonNode openApi = json(get(base, "api/openapi.json"));
    assertThat(openApi.get("paths").fieldNames())
        .toIterable()
        .contains("/api/search", "/api/incidents/{id}/explain", "/api/histogram", "/metrics");
    assertThat(get(base, "api/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void linesCommittedWhileServingShowUp() throws Exception {
    String query = "api/search?q=" + q("message:latecomer");
    String histogram = "api/histogram?by=level&q=" + q("message:latecomer");
    assertThat(json(get(base, query)).get("total").asLong()).isZero();
    // asked again before any commit: the kept answer, as the cache counters show
    long hits = cacheHits();
    assertThat(json(get(base, query)).get("total").asLong()).isZero();
    assertThat(json(get(base, histogram)).get("total").asLong()).isZero();
    assertThat(json(get(base, histogram)).get("total").asLong()).isZero();
    assertThat(cacheHits()).isGreaterThanOrEqualTo(hits + 2);
    try (EventIndex index = EventIndex.open(EventIndex.folderIn(data))) {
      index.add(
          ShopData.event(
              "cart",
              1,
              ShopData.START.toEpochMilli(),
              Level.WARN,
              "latecomer line",
              "cart:1",
              null));
      index.commit();
      assertThat(json(get(base, query)).get("total").asLong()).isEqualTo(1);
      assertThat(json(get(base, histogram)).get("total").asLong()).isEqualTo(1);
    }
  }

  private long cacheHits() throws Exception {
    String metrics = get(base, "metrics").body();
    java.util.regex.Matcher hit =
        java.util.regex.Pattern.compile("logrca_answer_cache_total\\{result=\"hit\"} (\\d+)")
            .matcher(metrics);
    assertThat(hit.find()).as(metrics).isTrue();
    return Long.parseLong(hit.group(1));
  }
}
