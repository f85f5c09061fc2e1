package dev.logrca.flink.correlate;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.LogEvent;

/** An event or an anomaly waiting for its turn, ordered by event time. */
record TimedInput(long timestamp, int kindOrder, String id, LogEvent event, Anomaly anomaly) {

  static TimedInput of(LogEvent e) {
    return new TimedInput(e.timestamp(), 0, e.eventId(), e, null);
  }

  static TimedInput of(Anomaly a) {
    return new TimedInput(a.windowEnd() - 1, 1, a.id(), null, a);
  }

  void feed(CorrelationFunction.Scope scope) {
    if (event != null) {
      scope.inference.observe(event);
      scope.engine.onEvent(event);
    } else {
      scope.engine.onAnomaly(anomaly);
    }
  }
}
