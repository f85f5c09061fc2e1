package dev.logrca.rules.deploy;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.EvidenceLine;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeployRulesTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void newErrorsRightAfterAStartBlameTheRelease() {
    rules.log(
        line(
            "orders",
            0,
            Level.INFO,
            "Started OrderApplication in 4.213 seconds (process running for 5.1)"),
        null);
    rules.log(
        line("orders", 90, Level.ERROR, "Failed to process order: missing field 'currency'", true),
        null);

    Hypothesis h = rules.concluded("Errors begin right after a release");
    assertThat(h.getService()).isEqualTo("orders");
    assertThat(h.getCategory()).isEqualTo("deploy.bad_release");
    assertThat(h.getEvidence())
        .extracting(EvidenceLine::message)
        .containsExactly(
            "Started OrderApplication in 4.213 seconds (process running for 5.1)",
            "Failed to process order: missing field 'currency'");
  }

  @Test
  void exceptionsAfterAReleaseThatBroughtNewErrorsAreTheReleasesNotTheCodes() {
    rules.log(
        line("orders", 0, Level.INFO, "Starting OrderApplication v2.4.1 using Java 17"), null);
    String npe = "Request processing failed: java.lang.NullPointerException: address is null";
    rules.log(line("orders", 30, Level.ERROR, npe, true), null);
    rules.log(line("orders", 400, Level.ERROR, npe, false), null);

    Hypothesis h = rules.concluded("Errors begin right after a release");
    assertThat(h.getEvidence()).hasSize(3);
    assertThat(h.getLastSeen()).isEqualTo(dev.logrca.rules.testing.Lines.at(400));
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .doesNotContain("app.exception");
  }

  @Test
  void aStartWithoutNewErrorsLeavesLaterExceptionsToTheCode() {
    rules.log(line("orders", 0, Level.INFO, "Started OrderApplication in 4.2 seconds"), null);
    rules.log(
        line("orders", 420, Level.ERROR, "java.lang.IllegalStateException: Duplicate key", true),
        null);
    assertThat(rules.concluded("A new exception appears in a service's own code").getService())
        .isEqualTo("orders");
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .doesNotContain("deploy.bad_release");
  }

  @Test
  void errorsLongAfterTheStartOrAlreadyKnownAreNotTheRelease() {
    rules.log(line("orders", 0, Level.INFO, "Starting orders v2.4.1 on pod orders-1"), null);
    rules.log(line("orders", 30, Level.ERROR, "Failed to process order", false), null);
    rules.log(line("orders", 400, Level.ERROR, "Payment declined for order", true), null);
    rules.log(line("billing", 40, Level.ERROR, "Invoice rendering failed", true), null);
    assertThat(rules.hypotheses())
        .extracting(Hypothesis::getCategory)
        .doesNotContain("deploy.bad_release");
  }

  @Test
  void anErrorSurgeAfterAStartBlamesTheRelease() {
    rules.log(line("orders", 0, Level.INFO, "Started container orders"), null);
    rules.anomaly(anomaly("orders", AnomalyKind.ERROR_SURGE, 60, 0.9));
    Hypothesis h = rules.concluded("Errors surge right after a release");
    assertThat(h.getService()).isEqualTo("orders");
    assertThat(h.getEvidence()).hasSize(2);
  }

  @Test
  void aSurgeWindowThatBeganJustBeforeTheStartStillCounts() {
    rules.log(line("orders", 30, Level.INFO, "Started container orders"), null);
    rules.anomaly(anomaly("orders", AnomalyKind.ERROR_SURGE, 0, 0.9));
    assertThat(rules.concluded("Errors surge right after a release").getService())
        .isEqualTo("orders");
  }

  @Test
  void aSurgeThatEndedBeforeTheStartIsNotTheRelease() {
    rules.log(line("orders", 120, Level.INFO, "Started container orders"), null);
    rules.anomaly(anomaly("orders", AnomalyKind.ERROR_SURGE, 0, 0.9));
    assertThat(rules.hypotheses()).isEmpty();
  }
}
