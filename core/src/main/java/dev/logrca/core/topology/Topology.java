package dev.logrca.core.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The call graph of a system: which service calls which. Read from a topology file ({@code
 * {"services": {"checkout": {"calls": ["payment"]}}}}, JSON or YAML) or built from calls inferred
 * in the logs; a file of services without calls is a catalogue of the system's services. Mutable
 * only through {@link #addCall} and {@link #addService}; iteration order is sorted so every run
 * sees the same graph.
 */
public final class Topology implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TreeMap<String, TreeSet<String>> calls = new TreeMap<>();

  /** An empty topology. */
  public Topology() {}

  /** Records that {@code caller} calls {@code callee}; self-calls are ignored. */
  public Topology addCall(String caller, String callee) {
    calls.computeIfAbsent(caller, k -> new TreeSet<>());
    calls.computeIfAbsent(callee, k -> new TreeSet<>());
    if (!caller.equals(callee)) {
      calls.get(caller).add(callee);
    }
    return this;
  }

  /** Adds a service with no known calls. */
  public Topology addService(String service) {
    calls.computeIfAbsent(service, k -> new TreeSet<>());
    return this;
  }

  /** Every known service, sorted. */
  public Set<String> services() {
    return Collections.unmodifiableSet(calls.keySet());
  }

  /** The services {@code service} calls directly. */
  public Set<String> callees(String service) {
    return Collections.unmodifiableSet(calls.getOrDefault(service, new TreeSet<>()));
  }

  /** The services that call {@code service} directly. */
  public Set<String> callers(String service) {
    TreeSet<String> result = new TreeSet<>();
    calls.forEach(
        (caller, callees) -> {
          if (callees.contains(service)) {
            result.add(caller);
          }
        });
    return result;
  }

  /** True when {@code caller} reaches {@code callee} through one or more calls. */
  public boolean dependsOn(String caller, String callee) {
    Deque<String> todo = new ArrayDeque<>(callees(caller));
    Set<String> seen = new TreeSet<>();
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (next.equals(callee)) {
        return true;
      }
      if (seen.add(next)) {
        todo.addAll(callees(next));
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return calls.isEmpty();
  }

  /**
   * True when some service has a callee. A topology of services alone is a catalogue of the
   * system's services: the calls are still inferred from the logs.
   */
  public boolean hasCalls() {
    return calls.values().stream().anyMatch(callees -> !callees.isEmpty());
  }

  /** Reads a topology file, JSON or YAML (by extension {@code .yaml}/{@code .yml}). */
  public static Topology read(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml")
            ? new ObjectMapper(new YAMLFactory())
            : new ObjectMapper();
    JsonNode root = mapper.readTree(Files.readAllBytes(file));
    if (root == null || !root.path("services").isObject()) {
      throw new IOException(file + ": a topology needs an object \"services\"");
    }
    Topology topology = new Topology();
    for (Map.Entry<String, JsonNode> service : root.path("services").properties()) {
      topology.addService(service.getKey());
      JsonNode callees = service.getValue().path("calls");
      if (!callees.isMissingNode() && !callees.isArray()) {
        throw new IOException(file + ": \"calls\" of " + service.getKey() + " must be a list");
      }
      callees.forEach(callee -> topology.addCall(service.getKey(), callee.asText()));
    }
    return topology;
  }

  /** Writes this topology as the JSON topology file. */
  public void write(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ObjectNode services = root.putObject("services");
    calls.forEach(
        (service, callees) -> {
          ArrayNode list = services.putObject(service).putArray("calls");
          callees.forEach(list::add);
        });
    mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Topology other && other.calls.equals(calls);
  }

  @Override
  public int hashCode() {
    return calls.hashCode();
  }

  @Override
  public String toString() {
    return "Topology" + calls;
  }
}
