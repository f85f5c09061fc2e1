package dev.logrca.rules.correlate;

import dev.logrca.core.model.StateInput;
import dev.logrca.core.model.StateOutput;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.incident.IncidentBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link CorrelationEngine} needs to continue where it stopped: the facts still live,
 * what it learned about services, the open incidents and the event-time clock. The Drools session
 * itself is not kept; {@link CorrelationEngine#restore} rebuilds it from these facts. Checkpoints
 * write it with {@link CorrelationStateFormat}; it stays {@code Serializable} (with every class it
 * holds) only so that checkpoints of releases that wrote it with Java serialisation still restore.
 */
public final class CorrelationState implements Serializable {
  private static final long serialVersionUID = 1L;

  final long clock;
  final CorrelationConfig config;
  final Topology configured;
  final Topology observed;
  final ArrayList<LogFact> logs;
  final ArrayList<AnomalyFact> anomalies;
  final ArrayList<Hypothesis> unreported;
  final ArrayList<AnomalyFact> pendingAnomalies;
  final ServiceActivity activity;
  final IncidentBuilder incidents;
  final StackTraceFolder folder;

  /** Lines of the last second not yet handed to the rules; null in states saved before folding. */
  final RepeatedLines repeated;

  CorrelationState(
      long clock,
      CorrelationConfig config,
      Topology configured,
      Topology observed,
      List<LogFact> logs,
      List<AnomalyFact> anomalies,
      List<Hypothesis> unreported,
      List<AnomalyFact> pendingAnomalies,
      ServiceActivity activity,
      IncidentBuilder incidents,
      StackTraceFolder folder,
      RepeatedLines repeated) {
    this.clock = clock;
    this.config = config;
    this.configured = configured;
    this.observed = observed;
    this.logs = new ArrayList<>(logs);
    this.anomalies = new ArrayList<>(anomalies);
    this.unreported = new ArrayList<>(unreported);
    this.pendingAnomalies = new ArrayList<>(pendingAnomalies);
    this.activity = activity;
    this.incidents = incidents;
    this.folder = folder;
    this.repeated = repeated;
  }

  /** The event time the engine had reached, epoch millis. */
  public long clock() {
    return clock;
  }

  /** How many log and anomaly facts were live, those of the second not yet over included. */
  public int liveFacts() {
    return logs.size() + anomalies.size() + (repeated == null ? 0 : repeated.size());
  }

  /**
   * A deep copy, so that the engine may go on changing its own state after a snapshot: a round trip
   * through {@link CorrelationStateFormat}, a fraction of what Java serialisation cost.
   */
  CorrelationState deepCopy() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
      try (StateOutput out = new StateOutput(bytes)) {
        CorrelationStateFormat.write(this, out);
      }
      try (StateInput in = new StateInput(new ByteArrayInputStream(bytes.toByteArray()))) {
        return CorrelationStateFormat.read(CorrelationStateFormat.FORMAT, in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("correlation state must copy through its format", e);
    }
  }
}
