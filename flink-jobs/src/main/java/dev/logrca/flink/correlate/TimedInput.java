package dev.logrca.flink.correlate;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.LogEvent;

/**
 * An event or an anomaly waiting for its turn, ordered by event time; lines of one source with the
 * same time (a stack trace shares its first line's) keep their order in the source.
 */
record TimedInput(
    long timestamp,
    int kindOrder,
    String source,
    long position,
    String id,
    ClassifiedEvent event,
    Anomaly anomaly) {

  static TimedInput of(ClassifiedEvent classified) {
    LogEvent e = classified.event();
    String source = e.record().source() == null ? "" : e.record().source();
    return new TimedInput(
        e.timestamp(), 0, source, e.record().line(), e.eventId(), classified, null);
  }

  static TimedInput of(Anomaly a) {
    return new TimedInput(a.windowEnd() - 1, 1, "", 0, a.id(), null, a);
  }

  void feed(CorrelationFunction.Scope scope) {
    if (event != null) {
      scope.inference.observe(event.event());
      // a window of hops that this line's time closes is judged before the line goes on
      scope.hops.observe(event.event()).forEach(scope.engine::onAnomaly);
      scope.engine.onEvent(event.event(), event.signalSet());
    } else {
      scope.engine.onAnomaly(anomaly);
    }
  }
}
