package dev.logrca.core.topology;

import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Infers who calls whom from the logs alone, for systems without a topology file. Two signs count:
 * a trace id shared by several services (a service is called by the one whose lines in the trace
 * enclose its own, else by the one that logged first), and a message naming another known service
 * or its address ({@code connect to postgres:5432 failed}, {@code GET
 * http://inventory:8080/items}). An edge is trusted only after {@link #minObservations} sightings,
 * so one odd line does not invent a call.
 */
public final class TopologyInference implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Default number of sightings before an edge is trusted. */
  public static final int DEFAULT_MIN_OBSERVATIONS = 3;

  /** Default number of recent trace ids remembered. */
  public static final int DEFAULT_MAX_TRACES = 50_000;

  /** Names mentioned but not (yet) known as services, remembered per caller at most. */
  private static final int MAX_PENDING_NAMES = 1_000;

  private final int minObservations;
  final RecentTraces traces;

  /** Known services by lower-case name, so mentions match in any case. */
  final TreeMap<String, String> services = new TreeMap<>();

  /** Hosts (pods, machines) by lower-case name, to the service that logged from them. */
  final HashMap<String, String> hosts = new HashMap<>();

  /** Traces that showed caller -> callee, per caller and callee. */
  final HashMap<String, HashMap<String, Long>> traceCalls = new HashMap<>();

  /** Messages of a caller naming a peer, by the lower-case name as written. */
  final HashMap<String, HashMap<String, Long>> mentions = new HashMap<>();

  /** Infers with the defaults: 3 sightings per edge, 50,000 recent traces. */
  public TopologyInference() {
    this(DEFAULT_MIN_OBSERVATIONS, DEFAULT_MAX_TRACES);
  }

  /**
   * @param minObservations sightings (traces plus messages) an edge needs to be trusted
   * @param maxTraces recent trace ids remembered; the oldest are forgotten first
   */
  public TopologyInference(int minObservations, int maxTraces) {
    if (minObservations < 1 || maxTraces < 1) {
      throw new IllegalArgumentException("minObservations and maxTraces must be positive");
    }
    this.minObservations = minObservations;
    this.traces = new RecentTraces(maxTraces);
  }

  /**
   * An independent copy of what was learned so far, for a checkpoint taken while this one goes on
   * learning: copying the maps directly costs a fraction of a round trip through serialisation,
   * which the correlation thread paid at every checkpoint for up to {@link #DEFAULT_MAX_TRACES}
   * traces. The traces' spans are shared, not copied: whichever of the two changes a shared trace
   * later copies it first ({@link RecentTraces#copyFrom}).
   */
  public TopologyInference copy() {
    TopologyInference copy = new TopologyInference(minObservations, traces.capacity);
    copy.traces.copyFrom(traces);
    copy.services.putAll(services);
    copy.hosts.putAll(hosts);
    traceCalls.forEach((caller, callees) -> copy.traceCalls.put(caller, new HashMap<>(callees)));
    mentions.forEach((caller, names) -> copy.mentions.put(caller, new HashMap<>(names)));
    return copy;
  }

  /** Learns from one event. */
  public void observe(LogEvent event) {
    String service = event.service();
    if (service == null || service.isBlank()) {
      return;
    }
    services.putIfAbsent(service.toLowerCase(Locale.ROOT), service);
    String host = event.record().host();
    if (host != null && !host.isBlank()) {
      hosts.putIfAbsent(host.toLowerCase(Locale.ROOT), service);
    }
    String traceId = event.record().traceId();
    if (traceId != null && !traceId.isBlank()) {
      traces.observe(traceId, service, event.timestamp(), this::countTraceCall);
    }
    countMentions(service, event.message());
  }

  /** The calls trusted so far, over every service seen. */
  public Topology current() {
    SightedCalls counts = new SightedCalls();
    // calls rarely go both ways: when traces show both, the odd traces (clock skew, a log line
    // written late) lose to the usual direction
    traceCalls.forEach(
        (caller, callees) ->
            callees.forEach(
                (callee, n) -> {
                  if (n > traceCount(callee, caller)) {
                    counts.add(caller, callee, n);
                  }
                }));
    mentions.forEach(
        (caller, names) ->
            names.forEach(
                (name, n) -> {
                  String callee = resolve(name);
                  // a mention names a pair, not a direction: a database logs its clients' names
                  // (PostgreSQL application_name, SQL comments) as often as a client its server's;
                  // when traces show the other direction, they win
                  if (callee != null && traceCount(callee, caller) < minObservations) {
                    counts.add(caller, callee, n);
                  }
                }));
    return counts.toTopology(services.values(), minObservations);
  }

  private long traceCount(String caller, String callee) {
    return traceCalls.getOrDefault(caller, new HashMap<>()).getOrDefault(callee, 0L);
  }

  public int minObservations() {
    return minObservations;
  }

  private void countTraceCall(String caller, String callee, long delta) {
    HashMap<String, Long> callees = traceCalls.computeIfAbsent(caller, k -> new HashMap<>());
    long n = callees.getOrDefault(callee, 0L) + delta;
    if (n <= 0) {
      callees.remove(callee);
    } else {
      callees.put(callee, n);
    }
  }

  private void countMentions(String service, String message) {
    for (ServiceMentions.Candidate candidate : ServiceMentions.in(message)) {
      String name = candidate.name();
      String callee = resolve(name);
      if (service.equals(callee)) {
        continue; // a service naming itself or its own host
      }
      if (callee == null && !candidate.hostShaped()) {
        continue; // a bare word only counts once it is a service's name
      }
      HashMap<String, Long> names = mentions.computeIfAbsent(service, k -> new HashMap<>());
      if (names.containsKey(name) || names.size() < MAX_PENDING_NAMES) {
        names.merge(name, 1L, Long::sum);
      }
    }
  }

  /** The service a lower-case name stands for: a service's own name, or one of its hosts. */
  private String resolve(String name) {
    String service = services.get(name);
    return service != null ? service : hosts.get(name);
  }

  /**
   * The most recent traces with the first and last time each service logged in them ({@link
   * TraceCallers} reads who called whom from those). A trace's edges are recounted whenever a line
   * changes them, so arrival order does not matter. Nested, as checkpoints name it.
   */
  static final class RecentTraces implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Services remembered per trace; a trace that fans out wider is an unusual batch job. */
    private static final int MAX_SERVICES_PER_TRACE = 64;

    final int capacity;

    /** Insertion order is arrival order of the trace: the oldest traces go first. */
    final LinkedHashMap<String, HashMap<String, long[]>> spans = new LinkedHashMap<>();

    /**
     * Traces whose spans this instance alone holds and may change in place; any other trace may be
     * shared with a copy and is copied before its first change. Null (nothing owned) after Java
     * deserialisation.
     */
    private transient HashSet<String> owned = new HashSet<>();

    RecentTraces(int capacity) {
      this.capacity = capacity;
    }

    /**
     * Takes {@code other}'s traces in its order (oldest first), sharing their spans: from now on
     * neither owns them, so each copies a trace before changing it. A checkpoint's copy thus costs
     * one map entry per trace, and the live inference copies only the traces it touches again.
     */
    void copyFrom(RecentTraces other) {
      spans.putAll(other.spans);
      other.owned().clear();
    }

    private HashSet<String> owned() {
      if (owned == null) {
        owned = new HashSet<>();
      }
      return owned;
    }

    /** {@code trace}, copied first unless this instance alone holds it. */
    private HashMap<String, long[]> forChange(String traceId, HashMap<String, long[]> trace) {
      if (owned().contains(traceId)) {
        return trace;
      }
      HashMap<String, long[]> copy = new HashMap<>(Math.max(4, trace.size() * 2));
      trace.forEach((service, span) -> copy.put(service, span.clone()));
      spans.put(traceId, copy); // an existing key keeps its place in the arrival order
      owned.add(traceId);
      return copy;
    }

    interface CallCounter {
      void count(String caller, String callee, long delta);
    }

    void observe(String traceId, String service, long timestamp, CallCounter counter) {
      HashMap<String, long[]> trace = spans.get(traceId);
      if (trace == null) {
        trace = new HashMap<>();
        spans.put(traceId, trace);
        owned().add(traceId);
        evictOldest();
      }
      // a time on a whole second (an access log's, say) stands for any moment of that second
      long end = timestamp % 1000 == 0 ? timestamp + 999 : timestamp;
      long[] known = trace.get(service);
      if (known != null && known[0] <= timestamp && end <= known[1]) {
        return;
      }
      if (known == null && trace.size() >= MAX_SERVICES_PER_TRACE) {
        return;
      }
      Map<String, String> before = TraceCallers.of(trace);
      trace = forChange(traceId, trace);
      known = trace.get(service);
      if (known == null) {
        trace.put(service, new long[] {timestamp, end});
      } else {
        known[0] = Math.min(known[0], timestamp);
        known[1] = Math.max(known[1], end);
      }
      Map<String, String> after = TraceCallers.of(trace);
      before.forEach(
          (callee, caller) -> {
            if (!caller.equals(after.get(callee))) {
              counter.count(caller, callee, -1);
            }
          });
      after.forEach(
          (callee, caller) -> {
            if (!caller.equals(before.get(callee))) {
              counter.count(caller, callee, +1);
            }
          });
    }

    private void evictOldest() {
      Iterator<String> oldest = spans.keySet().iterator();
      while (spans.size() > capacity && oldest.hasNext()) {
        owned().remove(oldest.next());
        oldest.remove(); // its edges stay counted: the trace is only forgotten, not undone
      }
    }
  }
}
