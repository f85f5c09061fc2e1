package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a front end's errors open an incident before the datastore they wait on says why. The
 * fault must end up as one incident, under the id the user saw first, naming the datastore.
 */
class OneFaultOneIncidentTest {

  private static CorrelationEngine engine() {
    return new CorrelationEngine(
        RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
  }

  /** Healthy traffic, then web's 5xx surge, then redis shutting down and cart refused by it. */
  private static List<Incident> redisGoesDownBehindTheFrontEnd(
      CorrelationEngine engine, Topology learnedLater) {
    List<Incident> reports = new ArrayList<>();
    for (int s = 0; s < 60; s += 5) {
      engine.onEvent(line("web", s, Level.INFO, "GET /cart 200 12ms"));
      engine.onEvent(line("cart", s + 1, Level.INFO, "cart 41 loaded"));
      engine.onEvent(line("redis", s + 2, Level.INFO, "DB saved on disk"));
    }
    reports.addAll(engine.advanceTo(at(60)));
    // web's errors say nothing of why: only the detectors see them surge
    engine.onAnomaly(anomaly("web", AnomalyKind.ERROR_SURGE, 60, 0.95));
    engine.onAnomaly(anomaly("web", AnomalyKind.ERROR_SURGE, 70, 0.97));
    reports.addAll(engine.advanceTo(at(131)));
    engine.onEvent(line("redis", 131, Level.WARN, "Received SIGTERM scheduling shutdown..."));
    engine.onEvent(line("redis", 131.5, Level.WARN, "Redis is now ready to exit, bye bye..."));
    for (int s = 132; s < 160; s += 3) {
      engine.onEvent(line("cart", s, Level.ERROR, "Error: connect ECONNREFUSED redis:6379"));
    }
    reports.addAll(engine.advanceTo(at(160)));
    engine.observeTopology(learnedLater);
    engine.onEvent(line("cart", 161, Level.ERROR, "Error: connect ECONNREFUSED redis:6379"));
    reports.addAll(engine.advanceTo(at(170)));
    reports.addAll(engine.finish());
    return reports;
  }

  @Test
  void theFrontEndsIncidentGoesOnToNameTheDatastoreUnderItsFirstId() {
    Topology learned = new Topology().addCall("web", "cart").addCall("cart", "redis");
    List<Incident> reports = redisGoesDownBehindTheFrontEnd(engine(), learned);

    Incident firstSeen = reports.get(0);
    assertThat(firstSeen.rootCauses().get(0).service()).isEqualTo("web");
    assertThat(firstSeen.rootCauses().get(0).category()).isEqualTo("unknown");
    Incident last = reports.get(reports.size() - 1);
    assertThat(last.id()).isEqualTo(firstSeen.id());
    RootCause top = last.rootCauses().get(0);
    assertThat(top.service()).isEqualTo("redis");
    assertThat(top.category()).isEqualTo("dependency.down");
    assertThat(last.services()).contains("web", "cart", "redis");
    // any other id the fault was shown under was merged away and closed
    assertThat(reports)
        .filteredOn(i -> !i.id().equals(firstSeen.id()))
        .allSatisfy(
            i ->
                assertThat(reports)
                    .anyMatch(r -> r.id().equals(i.id()) && r.status() == IncidentStatus.RESOLVED));
  }

  @Test
  void withoutACallBetweenThemTheFrontEndAndTheDatastoreStayTwoIncidents() {
    List<Incident> reports = redisGoesDownBehindTheFrontEnd(engine(), new Topology());
    assertThat(reports.stream().map(Incident::id).distinct()).hasSize(2);
    assertThat(reports).noneMatch(i -> i.status() == IncidentStatus.RESOLVED);
  }
}
