package dev.logrca.flink.correlate;

import dev.logrca.core.topology.HopLatency;

/**
 * What a checkpoint keeps of one correlation scope's hop latency: the open window's hops per
 * service and the recent traces' last lines. Kept beside {@link ScopeState}, in state of its own,
 * so a savepoint written before hop latency existed restores as is and its scopes start with none.
 *
 * @param scope the correlation scope (environment or tenant)
 * @param hops the scope's hop latency
 */
public record ScopeHops(String scope, HopLatency hops) {}
