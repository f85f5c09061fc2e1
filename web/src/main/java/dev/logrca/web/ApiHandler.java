package dev.logrca.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.index.search.BadQueryException;
import dev.logrca.index.search.EventHit;
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
      case "/api/search" -> ErrorReplies.json(response, callback, 200, search(params));
      case "/api/incidents" -> ErrorReplies.json(response, callback, 200, incidents(params));
      case "/api/templates" -> ErrorReplies.json(response, callback, 200, templates(params));
      case "/api/histogram" ->
          ErrorReplies.json(response, callback, 200, histograms.answer(params));
      case "/api/openapi.json" ->
          ErrorReplies.send(response, callback, 200, "application/json", openApi);
      case "/health" -> ErrorReplies.json(response, callback, 200, health());
      case "/metrics" ->
          ErrorReplies.text(response, callback, "text/plain; version=0.0.4", metrics());
      default -> {
        if (incident.matches()) {
          incident(incident.group(1), incident.group(2) != null, response, callback);
        } else {
          ErrorReplies.error(
              response, callback, 404, "no API at " + path + "; see /api/openapi.json");
        }
      }
    }
  }

  private ObjectNode search(ApiParameters params) throws IOException {
    SearchRequest request =
        new SearchRequest(
            SearchTarget.EVENTS,
            params.text("q"),
            params.time("since"),
            params.time("until"),
            params.size(50));
    String after = params.text("after");
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    ArrayNode hits = answer.putArray("hits");
    try {
      SearchPage page =
          searcher.page(request, after == null ? null : SearchAfter.parse(after), budget);
      answer.put("total", page.totalHits());
      answer.put("totalExact", page.totalExact());
      for (Hit hit : page.hits()) {
        hits.add(dev.logrca.index.search.EventJson.toTree(((EventHit) hit).event()));
      }
      answer.put("next", page.next() == null ? null : page.next().token());
    } catch (IndexNotFoundException e) {
      answer.put("total", 0).putNull("next");
    }
    return answer;
  }

  private ObjectNode incidents(ApiParameters params) throws IOException {
    String q = params.text("q");
    String status = params.choice("status", Set.of("open", "resolved"));
    String query = q == null ? "*" : q;
    if (status != null) {
      query = "status:" + status + (q == null ? "" : " AND (" + q + ")");
    }
    SearchRequest request =
        new SearchRequest(
            SearchTarget.INCIDENTS,
            query,
            params.time("since"),
            params.time("until"),
            params.size(100));
    String after = params.text("after");
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    ArrayNode list = answer.putArray("incidents");
    try {
      SearchPage page =
          searcher.page(request, after == null ? null : SearchAfter.parse(after), budget);
      answer.put("total", page.totalHits());
      answer.put("totalExact", page.totalExact());
      for (Hit hit : page.hits()) {
        list.add(ErrorReplies.MAPPER.readTree(((IncidentHit) hit).json()));
      }
      answer.put("next", page.next() == null ? null : page.next().token());
    } catch (IndexNotFoundException e) {
      answer.put("total", 0).putNull("next");
    }
    return answer;
  }

  private void incident(String id, boolean explain, Response response, Callback callback)
      throws IOException {
    if (!INCIDENT_ID.matcher(id).matches()) {
      throw new BadQueryException("'" + id + "' is not an incident id");
    }
    Optional<IncidentHit> found;
    try {
      found = searcher.incident(id);
    } catch (IndexNotFoundException e) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      ErrorReplies.error(response, callback, 404, "no incident " + id);
      return;
    }
    IncidentHit hit = found.get();
    if (!explain) {
      ErrorReplies.json(response, callback, 200, ErrorReplies.MAPPER.readTree(hit.json()));
      return;
    }
    CallGraphs.Calls calls = callGraphs.around(hit.incident(), searcher, budget);
    ErrorReplies.json(response, callback, 200, ExplanationJson.write(hit, searcher, calls));
  }

  private ObjectNode templates(ApiParameters params) throws IOException {
    ObjectNode answer = ErrorReplies.MAPPER.createObjectNode();
    ArrayNode list = answer.putArray("templates");
    try {
      for (var listing : searcher.templates(params.text("service"), params.size(100))) {
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
    long[] counts = searcher.documentCounts();
    out.append(
        "# HELP logrca_index_documents Documents in each index (-1 before the job writes it).\n");
    out.append("# TYPE logrca_index_documents gauge\n");
    out.append("logrca_index_documents{index=\"events\"} ").append(counts[0]).append('\n');
    out.append("logrca_index_documents{index=\"incidents\"} ").append(counts[1]).append('\n');
    return out.toString();
  }
}
