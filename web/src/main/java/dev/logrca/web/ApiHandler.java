package dev.logrca.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.index.search.BadQueryException;
import dev.logrca.index.search.EventHit;
import dev.logrca.index.search.HistogramRequest;
import dev.logrca.index.search.Hit;
import dev.logrca.index.search.IncidentHit;
import dev.logrca.index.search.SearchAfter;
import dev.logrca.index.search.SearchPage;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexNotFoundException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The JSON API (docs in {@code /api/openapi.json}), {@code /health} and {@code /metrics}. A bad
 * request is answered 400 with the reason; an index the job has not written yet reads as empty.
 */
final class ApiHandler extends Handler.Abstract {
  private static final Pattern INCIDENT = Pattern.compile("/api/incidents/([^/]+)(/explain)?");
  private static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final Searcher searcher;
  private final Duration budget;
  private final HttpMetrics metrics;
  private final CallGraphs callGraphs;
  private final HistogramAnswers histograms;
  private final RecentAnswers recent = new RecentAnswers(RecentAnswers.DEFAULT_BUDGET);
  private final byte[] openApi;

  ApiHandler(Searcher searcher, Duration budget, HttpMetrics metrics, CallGraphs callGraphs)
      throws IOException {
    this.searcher = searcher;
    this.budget = budget;
    this.metrics = metrics;
    this.callGraphs = callGraphs;
    this.histograms = new HistogramAnswers(searcher, budget);
    try (InputStream in = ApiHandler.class.getResourceAsStream("openapi.json")) {
      this.openApi = in.readAllBytes();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String path = Request.getPathInContext(request);
    if (!path.startsWith("/api/") && !path.equals("/health") && !path.equals("/metrics")) {
      return false;
    }
    ApiParameters params = new ApiParameters(Request.extractQueryParameters(request));
    try {
      route(path, params, response, callback);
    } catch (BadQueryException e) {
      ErrorReplies.error(response, callback, 400, e.getMessage());
    } catch (Exception e) {
      // a fault of ours, not the caller's: say so without leaking internals, keep the cause
      System.err.println("logrca serve: " + path + " failed: " + e);
      e.printStackTrace();
      ErrorReplies.error(response, callback, 500, "the server failed to answer; see its log");
    }
    return true;
  }

  private void route(String path, ApiParameters params, Response response, Callback callback)
      throws IOException {
    Matcher incident = INCIDENT.matcher(path);
    switch (path) {
      case "/api/search" -> {
        SearchRequest request = eventRequest(params);
        String after = params.text("after");
        answer(
            Arrays.asList(path, request, after), response, callback, () -> search(request, after));
      }
      case "/api/incidents" -> {
        SearchRequest request = incidentRequest(params);
        String after = params.text("after");
        answer(
            Arrays.asList(path, request, after),
            response,
            callback,
            () -> incidents(request, after));
      }
      case "/api/templates" -> {
        String service = params.text("service");
        int size = params.size(100);
        answer(
            Arrays.asList(path, service, size), response, callback, () -> templates(service, size));
      }
      case "/api/histogram" -> {
        HistogramRequest request = HistogramAnswers.request(params);
        answer(Arrays.asList(path, request), response, callback, () -> histograms.answer(request));
      }
      case "/api/openapi.json" ->
          ErrorReplies.send(response, callback, 200, "application/json", openApi);
      case "/health" -> ErrorReplies.json(response, callback, 200, health());
      case "/metrics" ->
          ErrorReplies.text(response, callback, "text/plain; version=0.0.4", metrics());
      default -> {
        if (incident.matches()) {
          String id = incident.group(1);
          boolean explain = incident.group(2) != null;
          if (!INCIDENT_ID.matcher(id).matches()) {
            throw new BadQueryException("'" + id + "' is not an incident id");
          }
          answer(path, response, callback, () -> incident(id, explain));
        } else {
          ErrorReplies.error(
              response, callback, 404, "no API at " + path + "; see /api/openapi.json");
        }
      }
    }
  }

  /**
   * Sends the answer to {@code question} (the route and its parsed parameters) at the indices'
   * current versions: the one kept from an earlier request when no commit landed since, else a new
   * one. A null answer is a 404: only an incident's route ({@code /api/incidents/ID}) gives one.
   */
  private void answer(Object question, Response response, Callback callback, Answer answer)
      throws IOException {
    long[] versions = searcher.versions();
    RecentAnswers.Key key = new RecentAnswers.Key(question, versions[0], versions[1]);
    byte[] bytes =
        recent.answer(
            key,
            () -> {
              JsonNode tree = answer.get();
              return tree == null ? null : ErrorReplies.MAPPER.writeValueAsBytes(tree);
            });
    if (bytes == null) {
      String id = question.toString().substring("/api/incidents/".length());
      ErrorReplies.error(response, callback, 404, "no incident " + id.replace("/explain", ""));
      return;
    }
    ErrorReplies.send(response, callback, 200, "application/json", bytes);
  }

  /** Computes one answer. */
  @FunctionalInterface
  private interface Answer {
    JsonNode get() throws IOException;
  }

  private static SearchRequest eventRequest(ApiParameters params) {
    return new SearchRequest(
        SearchTarget.EVENTS,
        params.text("q"),
        params.time("since"),
        params.time("until"),
        params.size(50));
  }

  private static SearchRequest incidentRequest(ApiParameters params) {
    String q = params.text("q");
    String status = params.choice("status", Set.of("open", "resolved"));
    String query = q == null ? "*" : q;
    if (status != null) {
      query = "status:" + status + (q == null ? "" : " AND (" + q + ")");
    }
    return new SearchRequest(
        SearchTarget.INCIDENTS,
        query,
        params.time("since"),
        params.time("until"),
        params.size(100));
  }

  private ObjectNode search(SearchRequest request, String after) throws IOException {
    return page(
        request,
        after,
        "hits",
        hit -> dev.logrca.index.search.EventJson.toTree(((EventHit) hit).event()));
  }

  private ObjectNode incidents(SearchRequest request, String after) throws IOException {
    return page(
        request,
        after,
        "incidents",
        hit -> ErrorReplies.MAPPER.readTree(((IncidentHit) hit).json()));
  }

  /** One page of hits written into {@code list}, with its total and the next page's token. */
  private ObjectNode page(SearchRequest request, String after, String list, HitJson toJson)
      throws IOException {
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    ArrayNode hits = answer.putArray(list);
    try {
      SearchPage page =
          searcher.page(request, after == null ? null : SearchAfter.parse(after), budget);
      answer.put("total", page.totalHits());
      answer.put("totalExact", page.totalExact());
      for (Hit hit : page.hits()) {
        hits.add(toJson.of(hit));
      }
      answer.put("next", page.next() == null ? null : page.next().token());
    } catch (IndexNotFoundException e) {
      answer.put("total", 0).putNull("next");
    }
    return answer;
  }

  /** How one hit is written into a page's list. */
  private interface HitJson {
    JsonNode of(Hit hit) throws IOException;
  }

  /** The incident (or its explanation), or null when there is none with that id. */
  private JsonNode incident(String id, boolean explain) throws IOException {
    Optional<IncidentHit> found;
    try {
      found = searcher.incident(id);
    } catch (IndexNotFoundException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      return null;
    }
    IncidentHit hit = found.get();
    if (!explain) {
      return ErrorReplies.MAPPER.readTree(hit.json());
    }
    CallGraphs.Calls calls = callGraphs.around(hit.incident(), searcher, budget);
    return ExplanationJson.write(hit, searcher, calls);
  }

  private ObjectNode templates(String service, int size) throws IOException {
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    ArrayNode list = answer.putArray("templates");
    try {
      for (var listing : searcher.templates(service, size)) {
        ObjectNode t = list.addObject();
        t.put("service", listing.template().service());
        t.put("templateId", listing.template().templateId());
        t.put("text", listing.template().text());
        listing.template().retiredIds().forEach(t.putArray("retiredIds")::add);
        t.put(
            "changedAt", java.time.Instant.ofEpochMilli(listing.template().changedAt()).toString());
        t.put("events", listing.events());
      }
    } catch (IndexNotFoundException e) {
      // no event index yet: no templates
    }
    return answer;
  }

  private ObjectNode health() throws IOException {
    long[] counts = searcher.documentCounts();
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    answer.put("status", "ok");
    answer.put("eventIndex", counts[0] >= 0);
    answer.put("incidentIndex", counts[1] >= 0);
    return answer;
  }

  private String metrics() throws IOException {
    StringBuilder out = new StringBuilder();
    metrics.write(out);
    recent.write(out);
    long[] counts = searcher.documentCounts();
    out.append(
        "# HELP logrca_index_documents Documents in each index (-1 before the job writes it).\n");
    out.append("# TYPE logrca_index_documents gauge\n");
    out.append("logrca_index_documents{index=\"events\"} ").append(counts[0]).append('\n');
    out.append("logrca_index_documents{index=\"incidents\"} ").append(counts[1]).append('\n');
    return out.toString();
  }
}
