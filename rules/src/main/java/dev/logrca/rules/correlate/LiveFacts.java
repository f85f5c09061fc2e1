package dev.logrca.rules.correlate;

import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Calls;
import dev.logrca.rules.fact.LogFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kie.api.runtime.KieSession;

/**
 * The facts a correlation session holds, in the order a restore inserts them (calls by name, lines
 * and anomalies by time), with its pseudo time: what a snapshot keeps and a rule swap moves.
 */
final class LiveFacts {
  final long time;
  final List<Calls> calls = new ArrayList<>();
  final List<LogFact> logs = new ArrayList<>();
  final List<AnomalyFact> anomalies = new ArrayList<>();

  /** Takes the facts and the pseudo time of {@code live}, which stays untouched. */
  LiveFacts(KieSession live) {
    this.time = live.getSessionClock().getCurrentTime();
    for (Object fact : live.getObjects()) {
      if (fact instanceof Calls c) {
        calls.add(c);
      } else if (fact instanceof LogFact l) {
        logs.add(l);
      } else if (fact instanceof AnomalyFact a) {
        anomalies.add(a);
      }
    }
    calls.sort(Comparator.comparing(Calls::caller).thenComparing(Calls::callee));
    logs.sort(
        Comparator.comparingLong(LogFact::getTimestamp)
            .thenComparing(LogFact::getEventId, Comparator.nullsFirst(Comparator.naturalOrder())));
    anomalies.sort(
        Comparator.comparingLong(AnomalyFact::getTimestamp).thenComparing(AnomalyFact::getId));
  }
}
