package dev.logrca.index.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored event as one JSON object, the event counterpart of {@code IncidentJson}: the time as an
 * ISO-8601 instant, absent fields left out, attributes in an object sorted by name.
 */
public final class EventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  /** One line of {@code logrca search --events --json}. */
  public static String write(LogEvent event) {
    try {
      return MAPPER.writeValueAsString(toTree(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an event tree always serialises", e);
    }
  }

  /** The event as a JSON tree. */
  public static ObjectNode toTree(LogEvent event) {
    LogRecord r = event.record();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", r.eventId());
    node.put("timestamp", Instant.ofEpochMilli(r.timestamp()).toString());
    putIfPresent(node, "service", r.service());
    putIfPresent(node, "host", r.host());
    node.put("level", r.level().name());
    putIfPresent(node, "logger", r.logger());
    putIfPresent(node, "traceId", r.traceId());
    putIfPresent(node, "templateId", event.templateId());
    putIfPresent(node, "template", event.template());
    putIfPresent(node, "message", r.message());
    putIfPresent(node, "source", r.source());
    node.put("line", r.line());
    if (r.timestampInferred()) {
      node.put("timestampInferred", true);
    }
    putIfPresent(node, "raw", r.raw());
    putIfPresent(node, "decodeError", r.decodeError());
    if (!r.attributes().isEmpty()) {
      ObjectNode attributes = node.putObject("attributes");
      for (Map.Entry<String, String> a : new TreeMap<>(r.attributes()).entrySet()) {
        attributes.put(a.getKey(), a.getValue());
      }
    }
    return node;
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
