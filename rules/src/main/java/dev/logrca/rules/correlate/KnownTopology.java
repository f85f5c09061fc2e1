package dev.logrca.rules.correlate;

import dev.logrca.core.topology.Topology;

/**
 * The call graph an engine goes by: the configured topology when it has calls, else the one
 * observed in the logs, which keeps the services a configured catalogue lists.
 */
final class KnownTopology {
  private final Topology configured;
  private Topology observed;

  /** Takes both as they are (a restore hands back its own copies). */
  KnownTopology(Topology configured, Topology observed) {
    this.configured = configured;
    this.observed = observed;
    configured.services().forEach(observed::addService);
  }

  /** The calls believed in now. */
  Topology current() {
    return configured.hasCalls() ? configured : observed;
  }

  /** Replaces the observed call graph with a copy of {@code inferred}. */
  void observe(Topology inferred) {
    this.observed = copy(inferred);
    configured.services().forEach(observed::addService);
  }

  Topology configured() {
    return configured;
  }

  Topology observed() {
    return observed;
  }

  /** An independent copy of {@code topology}; an empty one for null. */
  static Topology copy(Topology topology) {
    Topology copy = new Topology();
    if (topology != null) {
      for (String service : topology.services()) {
        copy.addService(service);
        topology.callees(service).forEach(callee -> copy.addCall(service, callee));
      }
    }
    return copy;
  }
}
