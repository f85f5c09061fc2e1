package dev.logrca.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Incidents in the JSON of the output contract (docs/output.md): times as ISO-8601 instants, root
 * causes ranked, each with its score breakdown; {@code status} is open or resolved, {@code
 * resolvedAt} only when resolved. The incident index stores the same JSON, so a search returns what
 * analyze printed.
 */
public final class IncidentJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private IncidentJson() {}

  /** One line of {@code logrca analyze --json}. */
  public static String write(Incident incident) {
    try {
      return MAPPER.writeValueAsString(toTree(incident));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an incident tree always serialises", e);
    }
  }

  /** The incident as a JSON tree. */
  public static ObjectNode toTree(Incident incident) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", incident.id());
    node.put("start", Instant.ofEpochMilli(incident.start()).toString());
    node.put("end", Instant.ofEpochMilli(incident.end()).toString());
    node.put("status", incident.status().id());
    if (incident.resolvedAt() != null) {
      node.put("resolvedAt", Instant.ofEpochMilli(incident.resolvedAt()).toString());
    }
    ArrayNode services = node.putArray("services");
    incident.services().forEach(services::add);
    ArrayNode causes = node.putArray("rootCauses");
    for (RootCause cause : incident.rootCauses()) {
      ObjectNode c = causes.addObject();
      c.put("service", cause.service());
      c.put("category", cause.category());
      c.put("score", Math.round(cause.score() * 1000) / 1000.0);
      c.put("rule", cause.rule());
      c.put("summary", cause.summary());
      ArrayNode evidence = c.putArray("evidence");
      for (Evidence e : cause.evidence()) {
        ObjectNode ev = evidence.addObject();
        ev.put("timestamp", Instant.ofEpochMilli(e.timestamp()).toString());
        ev.put("service", e.service());
        ev.put("templateId", e.templateId());
        ev.put("message", e.message());
        ev.put("eventId", e.eventId());
      }
      if (cause.breakdown() != null) {
        ScoreBreakdownJson.write(cause.breakdown(), c.putObject("breakdown"));
      }
    }
    return node;
  }

  /** Reads one line written by {@link #write}. */
  public static Incident read(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      List<String> services = new ArrayList<>();
      node.path("services").forEach(s -> services.add(s.asText()));
      List<RootCause> causes = new ArrayList<>();
      for (JsonNode c : node.path("rootCauses")) {
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : c.path("evidence")) {
          evidence.add(
              new Evidence(
                  Instant.parse(e.path("timestamp").asText()).toEpochMilli(),
                  e.path("service").asText(),
                  e.path("templateId").asText(null),
                  e.path("message").asText(),
                  e.path("eventId").asText(null)));
        }
        causes.add(
            new RootCause(
                c.path("service").asText(),
                c.path("category").asText(),
                c.path("score").asDouble(),
                c.path("rule").asText(null),
                c.path("summary").asText(null),
                evidence,
                ScoreBreakdownJson.read(c.get("breakdown"))));
      }
      return new Incident(
          node.path("id").asText(),
          Instant.parse(node.path("start").asText()).toEpochMilli(),
          Instant.parse(node.path("end").asText()).toEpochMilli(),
          services,
          causes,
          IncidentStatus.of(node.path("status").asText(null)),
          node.hasNonNull("resolvedAt")
              ? Instant.parse(node.path("resolvedAt").asText()).toEpochMilli()
              : null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an incident: " + e.getOriginalMessage(), e);
    }
  }
}
