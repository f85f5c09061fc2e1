package dev.logrca.rules.scenario;

import java.util.Set;

/**
 * How one scenario went.
 *
 * @param scenario the scenario
 * @param origin the file it came from
 * @param passed true when the engine found what the scenario expects
 * @param outcome what the engine found, e.g. {@code postgres dependency.down (0.91)} or {@code no
 *     incident}
 * @param fired every rule that fired, as {@code package: name}
 */
public record ScenarioResult(
    Scenario scenario, String origin, boolean passed, String outcome, Set<String> fired) {

  /** {@code PASS name}, or {@code FAIL name: expected ..., got ...}. */
  public String line() {
    if (passed) {
      return "PASS " + scenario.name();
    }
    String expected = scenario.expectNoIncident() ? "no incident" : scenario.expect().toString();
    return "FAIL " + scenario.name() + ": expected " + expected + ", got " + outcome;
  }
}
