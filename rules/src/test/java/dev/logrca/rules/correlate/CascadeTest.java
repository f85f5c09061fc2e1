package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeTest {

  private static CorrelationEngine engine(Topology topology) {
    return new CorrelationEngine(
        RuleSession.shippedRules(), topology, CorrelationConfig.defaults());
  }

  /** Healthy traffic for a minute, then postgres shuts down and its callers are refused. */
  static void postgresGoesDown(CorrelationEngine engine, List<Incident> out) {
    for (int s = 0; s < 60; s += 5) {
      engine.onEvent(line("checkout", s, Level.INFO, "GET /cart 200 12ms"));
      engine.onEvent(line("payment", s + 1, Level.INFO, "charge ok"));
      engine.onEvent(line("postgres", s + 2, Level.INFO, "checkpoint complete"));
    }
    out.addAll(engine.advanceTo(at(60)));
    engine.onEvent(line("postgres", 61, Level.INFO, "received fast shutdown request"));
    engine.onEvent(line("postgres", 61.5, Level.FATAL, "the database system is shutting down"));
    for (int s = 62; s < 120; s += 4) {
      engine.onEvent(
          line(
              "payment",
              s,
              Level.ERROR,
              "org.postgresql.util.PSQLException: Connection to postgres:5432 refused. Check that"
                  + " the hostname and port are correct and that the postmaster is accepting"
                  + " TCP/IP connections."));
      engine.onEvent(
          line(
              "checkout",
              s + 1,
              Level.ERROR,
              "POST /checkout 502: payment returned: dial tcp postgres:5432: connect: connection"
                  + " refused"));
      if (s % 20 == 2) {
        out.addAll(engine.advanceTo(at(s + 2)));
      }
    }
    out.addAll(engine.advanceTo(at(120)));
  }

  @Test
  void postgresShuttingDownIsTheTopCauseOfItsCallersErrors() {
    CorrelationEngine engine = engine(new Topology());
    List<Incident> updates = new ArrayList<>();
    postgresGoesDown(engine, updates);
    List<Incident> last = engine.finish();

    assertThat(updates).isNotEmpty();
    assertThat(last).hasSize(1);
    Incident incident = last.get(0);
    assertThat(updates).allMatch(i -> i.id().equals(incident.id()));
    assertThat(incident.services()).containsExactly("checkout", "payment", "postgres");
    assertThat(incident.start()).isEqualTo(at(61));

    RootCause top = incident.rootCauses().get(0);
    assertThat(top.service()).isEqualTo("postgres");
    assertThat(top.category()).isEqualTo("dependency.down");
    assertThat(top.rule()).isEqualTo("Datastore announces its own shutdown");
    assertThat(top.evidence())
        .extracting(Evidence::message)
        .startsWith("received fast shutdown request", "the database system is shutting down");
    assertThat(top.score()).isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
    assertThat(incident.rootCauses()).allMatch(c -> c.score() >= 0 && c.score() <= 1);
    assertThat(incident.rootCauses())
        .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
  }

  @Test
  void aTopologyKeepsTheCallersBelowTheDatastore() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    CorrelationEngine engine = engine(topology);
    List<Incident> updates = new ArrayList<>();
    postgresGoesDown(engine, updates);
    Incident incident = engine.finish().get(0);
    assertThat(incident.rootCauses().get(0).service()).isEqualTo("postgres");
    assertThat(incident.rootCauses()).extracting(RootCause::service).doesNotHaveDuplicates();
  }

  @Test
  void callersAloneStillBlameTheDependencyTheyName() {
    CorrelationEngine engine = engine(new Topology());
    for (int s = 0; s < 30; s += 3) {
      engine.onEvent(line("orders", s, Level.ERROR, "Error: connect ECONNREFUSED redis:6379"));
    }
    Incident incident = engine.finish().get(0);
    assertThat(incident.rootCauses().get(0).service()).isEqualTo("redis");
    assertThat(incident.rootCauses().get(0).category()).isEqualTo("dependency.down");
  }

  @Test
  void anAddressIsMappedThroughTheTopologyToTheSilentCallee() {
    CorrelationEngine engine = engine(new Topology());
    engine.observeTopology(new Topology().addCall("web", "api").addCall("web", "auth"));
    for (int s = 0; s < 120; s += 10) {
      engine.onEvent(line("web", s, Level.INFO, "GET / 200"));
      engine.onEvent(line("auth", s + 1, Level.INFO, "token issued"));
      if (s < 30) {
        engine.onEvent(line("api", s + 2, Level.INFO, "handled request"));
      }
    }
    engine.onEvent(
        line(
            "web",
            125,
            Level.ERROR,
            "connect() failed (111: Connection refused) while connecting to upstream, client:"
                + " 10.1.1.1, server: _, request: \"GET /v1/items HTTP/1.1\", upstream:"
                + " \"http://10.0.0.5:8080/v1/items\""));
    engine.onEvent(
        line(
            "web",
            126,
            Level.ERROR,
            "connect() failed (111: Connection refused) while connecting to upstream, upstream:"
                + " \"http://10.0.0.5:8080/v1/items\""));
    Incident incident = engine.finish().get(0);
    assertThat(incident.rootCauses().get(0).service()).isEqualTo("api");
  }
}
