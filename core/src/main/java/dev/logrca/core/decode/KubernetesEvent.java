package dev.logrca.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.core.model.Level;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes event as log pipelines carry it: an item of {@code kubectl get events -o json}, a
 * line of an event exporter, a watch notification ({@code {"type":"ADDED","object":{...}}}), in the
 * core {@code v1} shape ({@code involvedObject}, {@code message}, {@code lastTimestamp}) or the
 * {@code events.k8s.io/v1} one ({@code regarding}, {@code note}). The event is logged by the
 * workload of the object it is about, a pod's Deployment or StatefulSet, at WARN for a {@code
 * Warning}, and reads {@code reason: message}.
 */
final class KubernetesEvent {
  private static final String[] TIME = {
    "lastTimestamp",
    "series.lastObservedTime",
    "deprecatedLastTimestamp",
    "eventTime",
    "firstTimestamp",
    "deprecatedFirstTimestamp",
    "metadata.creationTimestamp"
  };

  /** A container named in a field path: {@code spec.containers{postgres}}. */
  private static final Pattern CONTAINER = Pattern.compile("containers\\{([^}]+)}");

  /** A ReplicaSet's name is its Deployment's plus a hash of the pod template. */
  private static final Pattern REPLICA_SET = Pattern.compile("^(.+)-[a-z0-9]{6,10}$");

  private KubernetesEvent() {}

  /** The event in {@code object}, or null when it is not one. */
  static ObjectNode find(ObjectNode object) {
    JsonNode watched = object.get("object");
    ObjectNode event = watched instanceof ObjectNode o ? o : object;
    JsonNode about = about(event);
    return about.isObject() && event.path("reason").isTextual() && about.path("kind").isTextual()
        ? event
        : null;
  }

  /** Reads {@code event} (as {@link #find} returned it) with {@code time} reading its times. */
  static JsonLine read(ObjectNode event, TimeReader time) {
    JsonNode about = about(event);
    String kind = about.path("kind").asText();
    String name = about.path("name").asText(null);
    String reason = event.path("reason").asText();
    String note = text(event, "message", "note");
    Map<String, String> attributes = new HashMap<>();
    attributes.put("k8s.event.reason", reason);
    attributes.put("k8s.object.kind", kind);
    put(attributes, "k8s.object.name", name);
    put(attributes, "k8s.namespace.name", about.path("namespace").asText(null));
    String count = text(event, "count", "deprecatedCount");
    put(attributes, "k8s.event.count", count != null ? count : at(event, "series.count"));
    String fieldPath = about.path("fieldPath").asText("");
    Matcher container = CONTAINER.matcher(fieldPath);
    if (container.find()) {
      attributes.put("k8s.container.name", container.group(1));
    }
    String component = at(event, "source.component");
    return new JsonLine(
        firstTime(event, time),
        serviceOf(kind, name),
        "Pod".equals(kind) || "Node".equals(kind) ? name : at(event, "source.host"),
        levelOf(event.path("type").asText("")),
        component != null ? component : text(event, "reportingComponent", "reportingController"),
        null,
        note == null || note.isBlank() ? reason : reason + ": " + note.strip(),
        attributes,
        null);
  }

  /**
   * The service an event about {@code kind}/{@code name} belongs to: a pod's or ReplicaSet's
   * workload, any other object by its own name.
   */
  static String serviceOf(String kind, String name) {
    if (name == null) {
      return null;
    }
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "pod":
        return ServiceNames.fromPodName(name);
      case "replicaset":
        Matcher m = REPLICA_SET.matcher(name);
        return m.matches() ? m.group(1) : name;
      default:
        return name;
    }
  }

  /** {@code Warning} is WARN, {@code Normal} INFO; other types as level names. */
  static Level levelOf(String type) {
    return "Normal".equalsIgnoreCase(type) ? Level.INFO : Level.parse(type);
  }

  private static JsonNode about(ObjectNode event) {
    JsonNode involved = event.path("involvedObject");
    return involved.isObject() ? involved : event.path("regarding");
  }

  private static Long firstTime(ObjectNode event, TimeReader time) {
    for (String name : TIME) {
      String value = at(event, name);
      Long t = value == null ? null : time.read(value);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private static String text(ObjectNode event, String... names) {
    for (String name : names) {
      JsonNode v = event.get(name);
      if (v != null && v.isValueNode() && !v.isNull()) {
        return v.asText();
      }
    }
    return null;
  }

  /** The scalar at a dotted path of nested objects, or null. */
  private static String at(ObjectNode event, String dotted) {
    JsonNode node = event;
    for (String part : dotted.split("\\.")) {
      node = node.path(part);
    }
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(key, value);
    }
  }

  /** Reads a time value to epoch milliseconds, or null. */
  interface TimeReader {
    Long read(String value);
  }
}
