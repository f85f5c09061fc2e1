package dev.logrca.rules.dependency;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.EvidenceLine;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void datastoreAnnouncingItsShutdownIsDown() {
    rules.log(line("postgres", 0, Level.INFO, "received fast shutdown request"), null);
    rules.log(line("postgres", 1, Level.FATAL, "the database system is shutting down"), null);

    Hypothesis h = rules.concluded("Datastore announces its own shutdown");
    assertThat(h.getService()).isEqualTo("postgres");
    assertThat(h.getCategory()).isEqualTo("dependency.down");
    assertThat(h.getConfidence()).isEqualTo(0.85);
    assertThat(h.getEvidence())
        .extracting(EvidenceLine::message)
        .containsExactly("received fast shutdown request", "the database system is shutting down");
    assertThat(h.getFirstSeen()).isEqualTo(at(0));
    assertThat(h.getLastSeen()).isEqualTo(at(1));
  }

  @Test
  void aClientQuotingTheShutdownBlamesTheDatastoreNotItself() {
    rules.log(
        line(
            "payment",
            0,
            Level.ERROR,
            "org.postgresql.util.PSQLException: FATAL: the database system is shutting down"),
        "postgres");

    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getRule)
        .doesNotContain("Datastore announces its own shutdown");
    Hypothesis h = rules.concluded("Callers hear that a dependency is shutting down");
    assertThat(h.getService()).isEqualTo("postgres");
    assertThat(h.getEvidence()).extracting(EvidenceLine::service).containsExactly("payment");
  }

  @Test
  void callersReportingRefusedConnectionsBlameTheDependencyTheyName() {
    rules.log(
        line("checkout", 0, Level.ERROR, "dial tcp postgres:5432: connect: connection refused"),
        "postgres");

    Hypothesis h = rules.concluded("Callers report refused connections to a dependency");
    assertThat(h.getService()).isEqualTo("postgres");
    assertThat(h.getCategory()).isEqualTo("dependency.down");
    assertThat(h.getConfidence()).isEqualTo(0.6);
    assertThat(h.getEvidence())
        .singleElement()
        .satisfies(e -> assertThat(e.service()).isEqualTo("checkout"));
  }

  @Test
  void repeatedRefusalsWithinFiveMinutesRaiseConfidence() {
    String[] lines = {
      "Connection to postgres:5432 refused. Check that the hostname and port are correct",
      "connect ECONNREFUSED 10.0.0.5:5432",
      "connect() failed (111: Connection refused) while connecting to upstream",
      "Can't connect to MySQL server on 'postgres' (111)",
      "dial tcp postgres:5432: connect: connection refused"
    };
    for (int i = 0; i < lines.length; i++) {
      rules.log(line("svc" + i, i * 30, Level.ERROR, lines[i]), "postgres");
    }
    Hypothesis h = rules.concluded("Callers keep being refused by the same dependency");
    assertThat(h.getService()).isEqualTo("postgres");
    assertThat(h.getConfidence()).isEqualTo(0.75);
    assertThat(h.getSupport()).isEqualTo(5);
  }

  @Test
  void refusalsSpreadOverMoreThanFiveMinutesDoNotCountAsRepeated() {
    for (int i = 0; i < 5; i++) {
      rules.log(line("checkout", i * 90, Level.ERROR, "connection refused"), "postgres");
    }
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getRule)
        .contains("Callers report refused connections to a dependency")
        .doesNotContain("Callers keep being refused by the same dependency");
  }

  @Test
  void aDatastoreStillLoadingIsNotReady() {
    rules.log(
        line("cart", 0, Level.ERROR, "LOADING Redis is loading the dataset in memory"), "redis");
    Hypothesis h = rules.concluded("A datastore is not ready to serve its callers");
    assertThat(h.getService()).isEqualTo("redis");
  }

  @Test
  void partitionsWithoutLeaderBlameTheBroker() {
    rules.log(
        line(
            "orders",
            0,
            Level.WARN,
            "Got error produce response with correlation id 7 on topic-partition orders-0,"
                + " retrying. Error: NOT_LEADER_OR_FOLLOWER"),
        "kafka");
    assertThat(rules.concluded("Message broker partitions lose their leader").getService())
        .isEqualTo("kafka");
  }

  @Test
  void nginxWithNoLiveUpstreamsBlamesTheUpstream() {
    rules.log(
        line(
            "nginx",
            0,
            Level.ERROR,
            "no live upstreams while connecting to upstream, client: 10.0.0.9, upstream:"
                + " \"http://backend/api\""),
        "backend");
    assertThat(rules.concluded("Callers find no healthy instance of a dependency").getService())
        .isEqualTo("backend");
  }

  @Test
  void aRefusalNamingNobodyStaysWithTheCallerWeakly() {
    rules.log(
        line("checkout", 0, Level.ERROR, "java.net.ConnectException: Connection refused"), null);
    Hypothesis h = rules.concluded("A service reports an unnamed dependency down");
    assertThat(h.getService()).isEqualTo("checkout");
    assertThat(h.getConfidence()).isLessThan(0.5);
  }

  @Test
  void crashesAndCrashLoopsAreDependenciesDown() {
    rules.log(
        line("payment", 0, Level.FATAL, "panic: runtime error: invalid memory address"), null);
    rules.log(
        line(
            "kubelet",
            5,
            Level.WARN,
            "Back-off restarting failed container payment in pod payment-5d9f8b7c6-x2x9q"),
        "payment");
    assertThat(rules.concluded("Service crashes").getService()).isEqualTo("payment");
    assertThat(rules.concluded("A container is stuck in a crash loop").getService())
        .isEqualTo("payment");
  }
}
