package dev.logrca.rules.network;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.EvidenceLine;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetworkRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void aTimeoutBlamesTheSlowDependencyWeakly() {
    rules.log(
        line(
            "checkout",
            0,
            Level.ERROR,
            "upstream timed out (110: Connection timed out) while reading response header from"
                + " upstream, upstream: \"http://10.0.0.5:8080/\""),
        "payment");
    Hypothesis h = rules.concluded("Calls to a dependency time out");
    assertThat(h.getService()).isEqualTo("payment");
    assertThat(h.getCategory()).isEqualTo("network.latency");
    assertThat(h.getConfidence()).isLessThan(0.5);
  }

  @Test
  void fiveTimeoutsInTwoMinutesAreLatency() {
    rules.log(line("checkout", 0, Level.ERROR, "rpc error: context deadline exceeded"), "payment");
    rules.log(
        line("checkout", 20, Level.WARN, "read tcp 10.0.0.2:5000->10.0.0.5:8080: i/o timeout"),
        "payment");
    rules.log(line("cart", 40, Level.ERROR, "Error: connect ETIMEDOUT 10.0.0.5:8080"), "payment");
    rules.log(line("cart", 60, Level.ERROR, "Error: connect ETIMEDOUT 10.0.0.5:8080"), "payment");
    rules.log(line("cart", 80, Level.ERROR, "Error: connect ETIMEDOUT 10.0.0.5:8080"), "payment");
    Hypothesis h = rules.concluded("Calls to the same dependency keep timing out");
    assertThat(h.getService()).isEqualTo("payment");
    assertThat(h.getConfidence()).isEqualTo(0.7);
    assertThat(h.getEvidence())
        .extracting(EvidenceLine::service)
        .containsExactly("checkout", "checkout", "cart", "cart", "cart");
  }

  @Test
  void timeoutsNowAndThenAreNotLatency() {
    for (int i = 0; i < 5; i++) {
      rules.log(line("web", i * 60, Level.WARN, "upstream timed out while reading"), "api");
    }
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getRule)
        .doesNotContain("Calls to the same dependency keep timing out");
  }

  @Test
  void aPoolTimeoutIsNotNetworkLatency() {
    rules.log(
        line(
            "payment",
            0,
            Level.ERROR,
            "HikariPool-1 - Connection is not available, request timed out after 30000ms."),
        null);
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .doesNotContain("network.latency")
        .contains("resource.pool_exhausted");
  }

  @Test
  void noRouteToHostIsUnreachable() {
    rules.log(
        line("checkout", 0, Level.ERROR, "dial tcp 10.0.0.7:6379: connect: no route to host"),
        "redis");
    Hypothesis h = rules.concluded("Hosts cannot reach each other");
    assertThat(h.getService()).isEqualTo("redis");
    assertThat(h.getCategory()).isEqualTo("network.unreachable");
  }

  @Test
  void repeatedResetsAreUnreachable() {
    for (int i = 0; i < 5; i++) {
      rules.log(
          line(
              "checkout",
              i * 10,
              Level.WARN,
              "read tcp 10.0.0.2:41234->10.0.0.7:6379: read: connection reset by peer"),
          "redis");
    }
    assertThat(rules.concluded("Connections to a dependency are reset").getConfidence())
        .isLessThan(0.5);
    assertThat(rules.concluded("Connections to the same dependency keep being reset").getService())
        .isEqualTo("redis");
  }

  @Test
  void routineLinesThatMentionTimeoutsConcludeNothing() {
    rules.log(line("checkout", 0, Level.INFO, "HTTP client configured, read timeout 30s"), null);
    assertThat(rules.hypotheses()).isEmpty();
  }
}
