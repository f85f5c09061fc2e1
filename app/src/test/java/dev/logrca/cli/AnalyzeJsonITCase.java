package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logrca.core.model.Category;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.Simulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logrca analyze --json} prints exactly the output contract of docs/output.md. */
class AnalyzeJsonITCase {
  private static final Set<String> CATEGORIES =
      Arrays.stream(Category.values()).map(Category::id).collect(Collectors.toSet());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void printsOneContractObjectPerIncidentPerLine() throws Exception {
    Path logs = dir.resolve("logs");
    new Simulator(SimulationConfig.of(Scenario.fromId("dependency.down"), 3)).run(logs);

    CliRun run =
        CliRun.of(
            "analyze",
            "--json",
            "--data",
            dir.resolve("data").toString(),
            "--topology",
            logs.resolve("topology.json").toString(),
            logs.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      checkIncident(JSON.readTree(line));
    }
  }

  private static void checkIncident(JsonNode incident) {
    assertThat(incident.path("id").isTextual()).isTrue();
    Instant start = Instant.parse(incident.path("start").asText());
    Instant end = Instant.parse(incident.path("end").asText());
    assertThat(end).isAfterOrEqualTo(start);
    assertThat(incident.path("services").isArray()).isTrue();
    incident.path("services").forEach(s -> assertThat(s.isTextual()).isTrue());
    JsonNode causes = incident.path("rootCauses");
    assertThat(causes.isArray() && causes.size() > 0).isTrue();
    double previous = Double.MAX_VALUE;
    for (JsonNode cause : causes) {
      assertThat(cause.path("service").isTextual()).isTrue();
      assertThat(CATEGORIES).contains(cause.path("category").asText());
      double score = cause.path("score").asDouble(-1);
      assertThat(cause.path("score").isNumber()).isTrue();
      assertThat(score).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
      previous = score;
      assertThat(cause.path("rule").isTextual()).isTrue();
      assertThat(cause.path("summary").isTextual()).isTrue();
      assertThat(cause.path("evidence").isArray()).isTrue();
      for (JsonNode evidence : cause.path("evidence")) {
        Instant.parse(evidence.path("timestamp").asText());
        assertThat(evidence.path("service").isTextual()).isTrue();
        assertThat(evidence.path("templateId").isTextual()).isTrue();
        assertThat(evidence.path("message").isTextual()).isTrue();
      }
    }
    assertThat(incident.path("services").toString())
        .contains(causes.get(0).path("service").asText());
  }
}
