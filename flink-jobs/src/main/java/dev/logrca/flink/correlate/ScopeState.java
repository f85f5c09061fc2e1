package dev.logrca.flink.correlate;

import dev.logrca.core.topology.TopologyInference;
import dev.logrca.rules.correlate.CorrelationState;
import java.io.Serializable;

/**
 * What a checkpoint keeps of one correlation scope: the live facts and incidents of its session
 * (the Drools session itself is rebuilt from them) and the calls inferred so far. Checkpointed by
 * {@link ScopeStateSerializer}; {@code Serializable} because earlier releases wrote it whole with
 * Java serialisation, and their savepoints still restore.
 *
 * @param scope the correlation scope (environment or tenant)
 * @param correlation the engine's state
 * @param inference the topology inferred from the logs
 * @param lastTime event time the engine was last advanced to
 */
public record ScopeState(
    String scope, CorrelationState correlation, TopologyInference inference, long lastTime)
    implements Serializable {}
