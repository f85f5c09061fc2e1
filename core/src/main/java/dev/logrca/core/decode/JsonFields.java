package dev.logrca.core.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one JSON object, looked up by dotted name (which matches nested objects, flat keys
 * and any mix of them) and remembered once used, so that the rest can become attributes.
 */
final class JsonFields {
  private final ObjectNode root;
  private final Map<ObjectNode, Set<String>> used = new IdentityHashMap<>();

  JsonFields(ObjectNode root) {
    this.root = root;
  }

  ObjectNode root() {
    return root;
  }

  /** The first of {@code names} present with a scalar value, marked used; or null. */
  String take(String... names) {
    for (String name : names) {
      Found f = find(root, name);
      if (f != null) {
        markUsed(f);
        return f.value().asText();
      }
    }
    return null;
  }

  /** The scalar value of {@code name}, without marking it used; or null. */
  Found find(String name) {
    return find(root, name);
  }

  void markUsed(Found f) {
    used.computeIfAbsent(f.parent(), k -> new HashSet<>()).add(f.key());
  }

  boolean isUsed(ObjectNode parent, String key) {
    Set<String> keys = used.get(parent);
    return keys != null && keys.contains(key);
  }

  /** The fields not used, flattened to dotted keys; arrays are kept as JSON text. */
  Map<String, String> unused() {
    Map<String, String> out = new HashMap<>();
    flatten(root, "", out);
    return out;
  }

  private void flatten(ObjectNode node, String prefix, Map<String, String> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode value = e.getValue();
      if (isUsed(node, e.getKey()) || value.isNull() || value.isMissingNode()) {
        continue;
      }
      String key = prefix + e.getKey();
      if (value.isObject()) {
        flatten((ObjectNode) value, key + ".", out);
      } else if (value.isArray()) {
        out.put(key, value.toString());
      } else {
        out.put(key, value.asText());
      }
    }
  }

  private static Found find(ObjectNode node, String dotted) {
    JsonNode direct = node.get(dotted);
    if (direct != null && direct.isValueNode() && !direct.isNull()) {
      return new Found(node, dotted, direct);
    }
    for (int dot = dotted.indexOf('.'); dot > 0; dot = dotted.indexOf('.', dot + 1)) {
      JsonNode child = node.get(dotted.substring(0, dot));
      if (child instanceof ObjectNode object) {
        Found f = find(object, dotted.substring(dot + 1));
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** A scalar field and the object that holds it. */
  record Found(ObjectNode parent, String key, JsonNode value) {}
}
