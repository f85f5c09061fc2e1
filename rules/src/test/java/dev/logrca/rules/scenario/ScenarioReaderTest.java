package dev.logrca.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario files in YAML and JSON, and mistakes reported at their file, line and column. */
class ScenarioReaderTest {
  private static final String TWO =
      """
      name: first
      start: 2026-11-27T10:00:00Z
      topology: {checkout: [payment], payment:}
      lines:
        - {time: +1m30s, service: payment, level: LOG, message: "received fast shutdown request"}
        - time: 2026-11-27T10:02:00Z
          service: checkout
          level: err
          message: "boom\\n\\tat x.Y.z(Y.java:1)"
      anomalies:
        - {time: +2m, service: checkout, kind: ERROR_SURGE, score: 0.9, window: 30s}
      expect: {service: payment, category: dependency.down, rule: Service crashes}
      ---
      name: second
      lines: [{time: +0s, service: a, message: hello}]
      expectNoIncident: true
      """;

  @Test
  void readsEveryDocumentOfAYamlFile() throws Exception {
    List<Scenario> scenarios = ScenarioReader.read("s.yaml", TWO);
    assertThat(scenarios).extracting(Scenario::name).containsExactly("first", "second");
    Scenario first = scenarios.get(0);
    long start = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();
    assertThat(first.lines().get(0).time().at(first.startMillis())).isEqualTo(start + 90_000);
    assertThat(first.lines().get(1).time().at(first.startMillis())).isEqualTo(start + 120_000);
    assertThat(first.lines().get(1).parsedLevel()).isEqualTo(Level.ERROR);
    assertThat(first.topology()).containsEntry("payment", List.of());
    assertThat(first.anomalies().get(0).kind()).isEqualTo(AnomalyKind.ERROR_SURGE);
    assertThat(first.anomalies().get(0).windowMillis()).isEqualTo(30_000);
    assertThat(first.expect().rule()).isEqualTo("Service crashes");
    assertThat(scenarios.get(1).expectNoIncident()).isTrue();
    assertThat(scenarios.get(1).lines().get(0).parsedLevel()).isEqualTo(Level.UNKNOWN);
  }

  @Test
  void readsJsonObjectsAndArrays() throws Exception {
    String json =
        """
        [{"name": "one", "lines": [{"time": "+0s", "service": "a", "message": "x"}],
          "expectNoIncident": true},
         {"name": "two", "anomalies": [{"time": "+0s", "service": "a", "kind": "OUTLIER",
          "score": 1}], "expect": {"service": "a", "category": "unknown"}}]
        """;
    assertThat(ScenarioReader.read("s.json", json))
        .extracting(Scenario::name)
        .containsExactly("one", "two");
  }

  private static String error(String yaml) {
    try {
      ScenarioReader.read("bad.yaml", yaml);
    } catch (ScenarioFileException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + yaml);
  }

  @Test
  void anUnknownFieldIsNamedWithItsPositionAndTheKnownOnes() {
    String message =
        error(
            """
            name: x
            lines:
              - {time: +0s, service: a, message: hi}
              - {time: +1s, service: a, message: hi, hots: h1}
            expectNoIncident: true
            """);
    assertThat(message)
        .startsWith("bad.yaml:4:")
        .contains("lines[1].hots: unknown field \"hots\"", "known: ", "host");
  }

  @Test
  void aMissingFieldIsNamed() {
    assertThat(
            error(
                """
                name: x
                lines:
                  - {time: +1s, serivce: a, message: hi}
                expectNoIncident: true
                """))
        .startsWith("bad.yaml:3:")
        .contains("lines[0].service: required, but missing");
  }

  @Test
  void badValuesSayWhatIsWrongAndWhere() {
    assertThat(
            error(
                """
                name: x
                lines:
                  - {time: +0s, service: a, level: WARNNG, message: hi}
                expectNoIncident: true
                """))
        .matches("bad\\.yaml:3:\\d+: lines\\[0\\]: unknown level \"WARNNG\".*");
    assertThat(
            error(
                """
                name: x
                lines:
                  - {time: 10:00, service: a, message: hi}
                expectNoIncident: true
                """))
        .startsWith("bad.yaml:3:")
        .contains("lines[0].time", "neither an offset like +90s");
    assertThat(
            error(
                """
                name: x
                lines: [{time: +0s, service: a, message: hi}]
                expect: {service: a, category: app.crash}
                """))
        .startsWith("bad.yaml:3:")
        .contains("expect: unknown category \"app.crash\"");
    assertThat(
            error(
                """
                name: x
                anomalies: [{time: +0s, service: a, kind: SURGE, score: 0.5}]
                expectNoIncident: true
                """))
        .startsWith("bad.yaml:2:")
        .contains("SURGE", "ERROR_SURGE");
  }

  @Test
  void aScenarioNeedsExactlyOneExpectation() {
    assertThat(
            error(
                """
                name: x
                lines: [{time: +0s, service: a, message: hi}]
                """))
        .startsWith("bad.yaml:")
        .contains("needs exactly one of expect and expectNoIncident");
  }

  @Test
  void brokenYamlIsReportedWhereItBreaks() {
    assertThat(error("name: x\nlines: [{time: +0s\n  service: a"))
        .matches("bad\\.yaml:\\d+:\\d+: .+");
  }

  @Test
  void onlyYamlAndJsonFilesAreScenarios() {
    assertThat(ScenarioReader.isScenarioFile("a.YAML")).isTrue();
    assertThat(ScenarioReader.isScenarioFile("a.yml")).isTrue();
    assertThat(ScenarioReader.isScenarioFile("a.json")).isTrue();
    assertThat(ScenarioReader.isScenarioFile("a.drl")).isFalse();
  }
}
