package dev.logrca.core.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each call was seen, turned into a topology: only calls seen often enough count, and
 * since calls form no cycles in most systems, the best-supported go in first and one that would
 * close a cycle (a slow request logged out of order, say) is left out.
 */
final class SightedCalls {
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();

  /** Counts {@code n} more sightings of {@code caller} calling {@code callee}; a self-call none. */
  void add(String caller, String callee, long n) {
    if (!caller.equals(callee)) {
      counts.computeIfAbsent(caller, k -> new TreeMap<>()).merge(callee, n, Long::sum);
    }
  }

  /** {@code services}, with the calls seen at least {@code minObservations} times. */
  Topology toTopology(Collection<String> services, int minObservations) {
    Topology topology = new Topology();
    services.forEach(topology::addService);
    List<String[]> edges = new ArrayList<>();
    counts.forEach(
        (caller, callees) ->
            callees.forEach(
                (callee, n) -> {
                  if (n >= minObservations) {
                    edges.add(new String[] {caller, callee, Long.toString(n)});
                  }
                }));
    edges.sort(
        Comparator.comparingLong((String[] e) -> -Long.parseLong(e[2]))
            .thenComparing(e -> e[0])
            .thenComparing(e -> e[1]));
    for (String[] edge : edges) {
      // a caller never equals its callee here, so reaching back means a path of calls
      if (!topology.dependsOn(edge[1], edge[0])) {
        topology.addCall(edge[0], edge[1]);
      }
    }
    return topology;
  }
}
