package dev.logrca.rules.common;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.fact.Recurring;
import dev.logrca.rules.testing.RuleSession;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecurringRuleTest {
  private static final String RESET =
      "could not receive data from client: Connection reset by peer";

  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void aNewTemplateThatComesBackThreeTimesWithinAMinuteRecurs() {
    newTemplate(RESET, 30);
    log(RESET, 31);
    log(RESET, 40);
    assertThat(rules.count(Recurring.class)).isZero();
    log(RESET, 52);
    // every line of the pattern recurs, so the conclusion cites them all
    assertThat(rules.count(Recurring.class)).isEqualTo(3);
    assertThat(rules.concluded("A server keeps losing its clients' connections").getService())
        .isEqualTo("postgres");
  }

  @Test
  void threeLinesMoreThanAMinuteApartAreNoPattern() {
    newTemplate(RESET, 30);
    log(RESET, 31);
    log(RESET, 60);
    log(RESET, 95);
    assertThat(rules.count(Recurring.class)).isZero();
  }

  @Test
  void aLineThatMatchesNoSignatureNeverRecurs() {
    String warm = "cache warmed for tenant 7";
    newTemplate(warm, 30);
    log(warm, 31);
    log(warm, 32);
    log(warm, 33);
    assertThat(rules.count(Recurring.class)).isZero();
  }

  @Test
  void recurringLinesExpireWithTheirLines() {
    newTemplate(RESET, 30);
    log(RESET, 31);
    log(RESET, 32);
    log(RESET, 33);
    assertThat(rules.count(Recurring.class)).isEqualTo(3);
    rules.advanceTo(at(33 + 10 * 60 + 1));
    assertThat(rules.count(Recurring.class)).isZero();
  }

  private void log(String message, double seconds) {
    rules.log(line("postgres", seconds, Level.INFO, message), null);
  }

  /**
   * A NEW_TEMPLATE anomaly whose window starts {@code seconds} after T0, for the message's
   * template.
   */
  private void newTemplate(String message, double seconds) {
    LogEvent sample = line("postgres", seconds, Level.INFO, message);
    rules.advanceTo(at(seconds));
    rules.anomaly(
        new Anomaly(
            Anomaly.idOf("postgres", AnomalyKind.NEW_TEMPLATE, at(seconds), sample.templateId()),
            "postgres",
            AnomalyKind.NEW_TEMPLATE,
            at(seconds),
            at(seconds + 30),
            sample.templateId(),
            message,
            0.7,
            1,
            0,
            List.of(sample.toEvidence())));
  }
}
