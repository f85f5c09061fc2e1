package dev.logrca.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.model.ScoreBreakdown;
import dev.logrca.core.topology.Topology;
import dev.logrca.index.search.EventContext;
import dev.logrca.index.search.EventJson;
import dev.logrca.index.search.IncidentHit;
import dev.logrca.index.search.Searcher;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code /api/incidents/{id}/explain}: the stored incident, then per ranked cause its
 * score terms (value x weight = contribution, with the reason), its evidence lines each with the
 * lines its service logged around it, and the call graph of the incident's services.
 */
final class ExplanationJson {
  /** Lines of context shown on each side of an evidence line. */
  static final int CONTEXT_LINES = 3;

  private static final Map<String, String> LABELS =
      Map.of(
          "confidence", "rule confidence",
          "firstToGoWrong", "first to go wrong",
          "callGraph", "call graph",
          "evidence", "evidence",
          "anomaly", "anomaly");

  private ExplanationJson() {}

  static ObjectNode write(IncidentHit hit, Searcher searcher, CallGraphs.Calls calls)
      throws IOException {
    Incident incident = hit.incident();
    ObjectNode root = ErrorReplies.MAPPER.createObjectNode();
    root.set("incident", ErrorReplies.MAPPER.readTree(hit.json()));
    root.put("faultStart", Instant.ofEpochMilli(incident.start()).toString());
    ArrayNode causes = root.putArray("causes");
    List<RootCause> ranked = incident.rootCauses();
    for (int i = 0; i < ranked.size(); i++) {
      causes.add(cause(i + 1, ranked.get(i), searcher));
    }
    root.set("callGraph", callGraph(incident, calls));
    return root;
  }

  private static ObjectNode cause(int rank, RootCause cause, Searcher searcher) throws IOException {
    ObjectNode c = ErrorReplies.MAPPER.createObjectNode();
    c.put("rank", rank);
    c.put("service", cause.service());
    c.put("category", cause.category());
    c.put("score", Math.round(cause.score() * 1000) / 1000.0);
    c.put("rule", cause.rule());
    c.put("summary", cause.summary());
    ArrayNode terms = c.putArray("terms");
    ScoreBreakdown breakdown = cause.breakdown();
    if (breakdown != null) {
      for (ScoreBreakdown.Component term : breakdown.components()) {
        ObjectNode t = terms.addObject();
        t.put("name", term.name());
        t.put("label", LABELS.getOrDefault(term.name(), term.name()));
        t.put("value", term.value());
        t.put("weight", term.weight());
        t.put("contribution", term.contribution());
        t.put("reason", term.reason());
      }
      ArrayNode rules = c.putArray("rules");
      breakdown
          .rules()
          .forEach(r -> rules.addObject().put("rule", r.rule()).put("confidence", r.confidence()));
      if (breakdown.explainedBy() != null) {
        ScoreBreakdown.ExplainedBy by = breakdown.explainedBy();
        c.putObject("explainedBy")
            .put("service", by.service())
            .put("category", by.category())
            .put("factor", by.factor())
            .put("reason", by.reason());
      }
    }
    ArrayNode evidence = c.putArray("evidence");
    for (Evidence e : cause.evidence()) {
      evidence.add(evidence(e, searcher));
    }
    return c;
  }

  private static ObjectNode evidence(Evidence e, Searcher searcher) throws IOException {
    ObjectNode line = ErrorReplies.MAPPER.createObjectNode();
    line.put("timestamp", Instant.ofEpochMilli(e.timestamp()).toString());
    line.put("service", e.service());
    line.put("templateId", e.templateId());
    line.put("message", e.message());
    line.put("eventId", e.eventId());
    EventContext context = searcher.context(e.service(), e.timestamp(), e.eventId(), CONTEXT_LINES);
    line.set("before", events(context.before()));
    line.set("after", events(context.after()));
    return line;
  }

  private static ArrayNode events(List<LogEvent> events) {
    ArrayNode array = ErrorReplies.MAPPER.createArrayNode();
    events.forEach(e -> array.add(EventJson.toTree(e)));
    return array;
  }

  private static ObjectNode callGraph(Incident incident, CallGraphs.Calls calls) {
    ObjectNode graph = ErrorReplies.MAPPER.createObjectNode();
    graph.put("source", calls.source());
    String root = incident.rootCauses().isEmpty() ? null : incident.rootCauses().get(0).service();
    ArrayNode nodes = graph.putArray("nodes");
    ArrayNode edges = graph.putArray("edges");
    Topology topology = calls.topology();
    for (String service : incident.services()) {
      nodes.addObject().put("service", service).put("root", service.equals(root));
      for (String callee : topology.callees(service)) {
        if (incident.services().contains(callee)) {
          edges.addObject().put("caller", service).put("callee", callee);
        }
      }
    }
    return graph;
  }
}
