package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logrca analyze} over a node's {@code /var/log/pods} as the kubelet leaves it: four
 * services in CRI format (a Node frontend logging pino JSON, a Go checkout logging zap JSON, a
 * Spring Boot payment service, PostgreSQL), some lines split by the runtime, and an event
 * exporter's pod logging Kubernetes events. No topology file: calls are inferred from the shared
 * trace ids. The reporting job's query gets a PostgreSQL backend OOM-killed; the database recovers
 * for half a minute while payment, checkout and the frontend fail in turn.
 */
class KubernetesLogsITCase {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  private static CliRun run;
  private static List<JsonNode> incidents;

  @BeforeAll
  static void analyseTheNodesPodLogs() throws Exception {
    Path logs = Path.of(KubernetesLogsITCase.class.getResource("/k8s-shop").toURI());
    run = CliRun.of("analyze", "--json", "--data", dir.resolve("data").toString(), logs.toString());
    incidents = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      incidents.add(JSON.readTree(line));
    }
  }

  @Test
  void theRunCompletes() {
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void theDatabaseIsNamedFirstAndItsOomKillRightAfter() {
    JsonNode incident = incidentWith("postgres");
    JsonNode causes = incident.path("rootCauses");

    assertThat(causes.get(0).path("service").asText())
        .as(incident.toPrettyString())
        .isEqualTo("postgres");
    // the crash PostgreSQL reports and the kill the kernel reports are the two readings of one
    // event; both name the database before any of its callers
    assertThat(List.of(causes.get(0), causes.get(1)))
        .extracting(c -> c.path("service").asText() + " " + c.path("category").asText())
        .contains("postgres resource.out_of_memory");
    assertThat(incident.path("services").toString())
        .contains("payment")
        .contains("checkout")
        .contains("frontend");
  }

  @Test
  void theOomKillCitesTheKernelsReportFromTheEventExporter() {
    JsonNode oom = null;
    for (JsonNode cause : incidentWith("postgres").path("rootCauses")) {
      if (cause.path("category").asText().equals("resource.out_of_memory")) {
        oom = cause;
        break;
      }
    }

    assertThat(oom).isNotNull();
    assertThat(oom.path("service").asText()).isEqualTo("postgres");
    assertThat(oom.path("evidence").toString())
        .contains("OOMKilling: Memory cgroup out of memory: Killed process 4242 (postgres)")
        .contains("server process (PID 4242) was terminated by signal 9: Killed");
  }

  @Test
  void noIncidentBlamesTheCallersAheadOfTheDatabase() {
    for (JsonNode incident : incidents) {
      String first = incident.path("rootCauses").get(0).path("service").asText();
      assertThat(first).as(incident.toPrettyString()).isNotIn("frontend", "checkout");
    }
  }

  private static JsonNode incidentWith(String service) {
    return incidents.stream()
        .filter(i -> i.path("services").toString().contains("\"" + service + "\""))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no incident with " + service + ": " + run.out()));
  }
}
