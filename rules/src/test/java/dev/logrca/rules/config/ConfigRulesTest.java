package dev.logrca.rules.config;

import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConfigRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void anUnresolvablePlaceholderIsAConfigError() {
    rules.log(
        line(
            "orders",
            0,
            Level.ERROR,
            "Could not resolve placeholder 'payment.url' in value \"${payment.url}\""),
        null);
    Hypothesis h = rules.concluded("Service rejects its configuration");
    assertThat(h.getService()).isEqualTo("orders");
    assertThat(h.getCategory()).isEqualTo("config.error");
  }

  @Test
  void rejectedCredentialsAreAConfigError() {
    rules.log(
        line("orders", 0, Level.ERROR, "FATAL: password authentication failed for user \"orders\""),
        null);
    assertThat(rules.concluded("Credentials are rejected").getCategory()).isEqualTo("config.error");
  }
}
