package dev.logrca.rules.app;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void aNewExceptionIsAWeakAppException() {
    rules.log(
        line(
            "cart",
            0,
            Level.ERROR,
            "java.lang.NullPointerException: Cannot invoke \"Item.price()\" because \"item\" is null",
            true),
        null);
    Hypothesis h = rules.concluded("A new exception appears in a service's own code");
    assertThat(h.getService()).isEqualTo("cart");
    assertThat(h.getCategory()).isEqualTo("app.exception");
    assertThat(h.getConfidence()).isLessThan(0.5);
  }

  @Test
  void surgingExceptionsAreAStrongerAppException() {
    LogEvent error =
        line("cart", 0, Level.ERROR, "TypeError: Cannot read properties of undefined", false);
    rules.log(error, null);
    rules.anomaly(anomaly("cart", AnomalyKind.ERROR_SURGE, 0, 0.8, error));
    Hypothesis h = rules.concluded("Exceptions surge in a service's own code");
    assertThat(h.getConfidence()).isGreaterThanOrEqualTo(0.5);
    // the line and the anomaly's sample are one line, cited once
    assertThat(h.getEvidence())
        .singleElement()
        .satisfies(e -> assertThat(e.eventId()).isEqualTo(error.record().eventId()));
  }

  @Test
  void aSteadyBackgroundExceptionIsNoPartOfAnErrorSurgeMadeOfOtherErrors() {
    // the mailer fails all day; the surge the detector saw is made of the order errors
    rules.log(
        line(
            "checkout",
            0,
            Level.ERROR,
            "Failed to send order confirmation\norg.springframework.mail.MailSendException: 550",
            false),
        null);
    LogEvent risen = line("checkout", 20, Level.ERROR, "Order 7 failed: timeout", false);
    rules.log(risen, null);
    rules.anomaly(anomaly("checkout", AnomalyKind.ERROR_SURGE, 0, 0.9, risen));
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getRule)
        .doesNotContain("Exceptions surge in a service's own code");
  }

  @Test
  void anExceptionWithAKnownCauseIsNotAnAppException() {
    rules.log(
        line("cart", 0, Level.ERROR, "java.net.ConnectException: Connection refused", true), null);
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .doesNotContain("app.exception");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "upstream request failed {\"type\":\"AxiosError\",\"message\":\"Request failed with"
            + " status code 500\",\"code\":\"ERR_BAD_RESPONSE\"}",
        "org.springframework.web.client.HttpServerErrorException$BadGateway: 502 Bad Gateway:"
            + " \"{\"error\":\"payment provider timeout\"}\""
      })
  void aClientErrorQuotingTheCalleesServerErrorIsNotTheCallersException(String message) {
    rules.log(line("frontend", 0, Level.ERROR, message, true), "checkout");
    rules.anomaly(anomaly("frontend", AnomalyKind.ERROR_SURGE, 0, 0.8));
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .doesNotContain("app.exception");
  }
}
