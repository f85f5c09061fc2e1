package dev.logrca.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The {@code breakdown} object of a root cause in the incident JSON, written and read back. */
final class ScoreBreakdownJson {
  private ScoreBreakdownJson() {}

  static void write(ScoreBreakdown breakdown, ObjectNode node) {
    ArrayNode components = node.putArray("components");
    for (ScoreBreakdown.Component c : breakdown.components()) {
      ObjectNode term = components.addObject();
      term.put("name", c.name());
      term.put("value", c.value());
      term.put("weight", c.weight());
      // derived, for tools that only want to add up; read back from value and weight
      term.put("contribution", Math.round(c.contribution() * 10_000) / 10_000.0);
      term.put("reason", c.reason());
    }
    ArrayNode rules = node.putArray("rules");
    for (ScoreBreakdown.RuleConfidence r : breakdown.rules()) {
      rules.addObject().put("rule", r.rule()).put("confidence", r.confidence());
    }
    ScoreBreakdown.ExplainedBy by = breakdown.explainedBy();
    if (by != null) {
      node.putObject("explainedBy")
          .put("service", by.service())
          .put("category", by.category())
          .put("factor", by.factor())
          .put("reason", by.reason());
    }
  }

  /** The breakdown in {@code node}, or null when the cause has none. */
  static ScoreBreakdown read(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    List<ScoreBreakdown.Component> components = new ArrayList<>();
    for (JsonNode c : node.path("components")) {
      components.add(
          new ScoreBreakdown.Component(
              c.path("name").asText(),
              c.path("value").asDouble(),
              c.path("weight").asDouble(),
              c.path("reason").asText(null)));
    }
    List<ScoreBreakdown.RuleConfidence> rules = new ArrayList<>();
    for (JsonNode r : node.path("rules")) {
      rules.add(
          new ScoreBreakdown.RuleConfidence(
              r.path("rule").asText(), r.path("confidence").asDouble()));
    }
    JsonNode by = node.get("explainedBy");
    ScoreBreakdown.ExplainedBy explainedBy =
        by == null || !by.isObject()
            ? null
            : new ScoreBreakdown.ExplainedBy(
                by.path("service").asText(),
                by.path("category").asText(null),
                by.path("factor").asDouble(),
                by.path("reason").asText(null));
    return new ScoreBreakdown(components, rules, explainedBy);
  }
}
