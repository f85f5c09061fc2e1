package dev.logrca.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.Test;

/** What a run says when a scenario passes, fails, or expects the wrong rule. */
class ScenarioRunnerTest {
  private static final String SHUTDOWN =
      """
      name: %s
      topology: {payment: [postgres], postgres: []}
      lines:
        - {time: +0s, service: payment, level: INFO, message: 'charged order 1001 in 42ms'}
        - {time: +10s, service: postgres, level: LOG, message: 'received fast shutdown request'}
        - {time: +12s, service: payment, level: ERROR, message: 'dial tcp 10.96.12.4:5432: connect: connection refused'}
      %s
      """;

  private static ScenarioResult run(String expectation) throws Exception {
    String yaml = SHUTDOWN.formatted("postgres stops", expectation);
    Scenario scenario = ScenarioReader.read("s.yaml", yaml).get(0);
    return new ScenarioRunner(RuleSession.shippedRules()).run(scenario, "s.yaml");
  }

  @Test
  void theExpectedTopCausePasses() throws Exception {
    ScenarioResult result =
        run(
            "expect: {service: postgres, category: dependency.down, rule: Datastore announces its own shutdown}");
    assertThat(result.passed()).isTrue();
    assertThat(result.line()).isEqualTo("PASS postgres stops");
    assertThat(result.fired())
        .contains(
            "dev.logrca.rules.dependency: Datastore announces its own shutdown",
            "dev.logrca.rules.dependency: Callers report refused connections to a dependency");
  }

  @Test
  void aRuleThatAlsoConcludedTheTopCausePasses() throws Exception {
    assertThat(
            run("expect: {service: postgres, category: dependency.down, rule: Callers report"
                    + " refused connections to a dependency}")
                .passed())
        .isTrue();
  }

  @Test
  void aWrongServiceFailsWithWhatWasFound() throws Exception {
    ScenarioResult result = run("expect: {service: payment, category: app.exception}");
    assertThat(result.passed()).isFalse();
    assertThat(result.line())
        .matches(
            "FAIL postgres stops: expected payment app.exception, got postgres dependency\\.down"
                + " \\(0\\.\\d\\d\\) by \"Datastore announces its own shutdown\"");
  }

  @Test
  void aRuleThatDidNotConcludeTheTopCauseFails() throws Exception {
    ScenarioResult result =
        run("expect: {service: postgres, category: dependency.down, rule: Service crashes}");
    assertThat(result.passed()).isFalse();
    assertThat(result.line()).contains("expected postgres dependency.down by \"Service crashes\"");
  }

  @Test
  void anIncidentFailsANegativeScenario() throws Exception {
    ScenarioResult result = run("expectNoIncident: true");
    assertThat(result.passed()).isFalse();
    assertThat(result.line()).contains("expected no incident, got postgres dependency.down");
  }

  @Test
  void anAnomalyAboutATemplateNoLineHasFails() throws Exception {
    String yaml =
        """
        name: stray template
        lines: [{time: +0s, service: a, level: ERROR, message: 'boom'}]
        anomalies: [{time: +0s, service: a, kind: TEMPLATE_SURGE, score: 0.9, template: 'bang'}]
        expect: {service: a, category: app.exception}
        """;
    Scenario scenario = ScenarioReader.read("s.yaml", yaml).get(0);
    ScenarioResult result = new ScenarioRunner(RuleSession.shippedRules()).run(scenario, "s.yaml");
    assertThat(result.passed()).isFalse();
    assertThat(result.outcome()).contains("\"bang\" is no line of a");
  }
}
