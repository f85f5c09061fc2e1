package dev.logrca.rules.dns;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dial tcp: lookup payment on 10.96.0.10:53: no such host",
        "Error: getaddrinfo ENOTFOUND payment",
        "java.net.UnknownHostException: payment: Name or service not known"
      })
  void aServiceThatCannotResolveANameHasTheDnsProblem(String message) {
    rules.log(line("checkout", 0, Level.ERROR, message), "payment");
    Hypothesis h = rules.concluded("A service cannot resolve the names it needs");
    assertThat(h.getService()).isEqualTo("checkout");
    assertThat(h.getCategory()).isEqualTo("dns.resolution");
    assertThat(rules.hypotheses())
        .noneMatch(x -> x.getRule().equals("Several services cannot resolve the same name"));
  }

  @org.junit.jupiter.api.Test
  void aNameNoServiceCanResolveIsTheNamesProblem() {
    rules.log(line("checkout", 0, Level.ERROR, "lookup payment: no such host"), "payment");
    rules.log(line("frontend", 5, Level.ERROR, "getaddrinfo ENOTFOUND payment"), "payment");
    Hypothesis h = rules.concluded("Several services cannot resolve the same name");
    assertThat(h.getService()).isEqualTo("payment");
    assertThat(h.getConfidence()).isGreaterThan(0.7);
  }

  @org.junit.jupiter.api.Test
  void aNameServerThatDoesNotAnswerIsDnsNotLatencyOfTheNamedHost() {
    for (int i = 0; i < 6; i++) {
      rules.log(
          line(
              "payment",
              i * 10,
              Level.WARN,
              "database ping failed error=\"lookup postgres on 10.96.0.10:53: read udp"
                  + " 10.0.2.14:41234->10.96.0.10:53: i/o timeout\""),
          "postgres");
    }
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .contains("dns.resolution")
        .doesNotContain("network.latency");
  }
}
