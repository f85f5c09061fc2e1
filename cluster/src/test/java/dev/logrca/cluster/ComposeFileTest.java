package dev.logrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.logrca.flink.JobArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;

/**
 * {@code docker/compose.yaml}, which CI cannot run (no Docker engine): it parses, its Flink images
 * are the Flink this build runs, its cluster settings are the ones the local cluster is tested
 * with, the job's arguments are ones the job jar accepts, and every host folder it mounts and file
 * it runs is one the build makes.
 */
class ComposeFileTest {
  private static final Path DOCKER = Path.of("..", "docker");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode services = read().path("services");

  private static JsonNode read() {
    try {
      return YAML.readTree(DOCKER.resolve("compose.yaml").toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError("docker/compose.yaml does not parse", e);
    }
  }

  @Test
  void runsKafkaFlinkTheJobAndTheConsole() {
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("kafka", "jobmanager", "taskmanager", "submit", "search");
    String flinkImage = "flink:" + EnvironmentInformation.getVersion() + "-java17";
    for (String flink : List.of("jobmanager", "taskmanager", "submit")) {
      assertThat(services.path(flink).path("image").asText()).as(flink).isEqualTo(flinkImage);
    }
  }

  @Test
  void theClusterHasTheTestedRestartStrategyAndThePrometheusReporter() throws Exception {
    for (String flink : List.of("jobmanager", "taskmanager")) {
      JsonNode properties =
          YAML.readTree(services.path(flink).path("environment").path("FLINK_PROPERTIES").asText());
      assertThat(properties.path("metrics.reporter.prom.factory.class").asText())
          .isEqualTo(ClusterConfig.PROMETHEUS_FACTORY);
      assertThat(properties.path("restart-strategy.type").asText()).isEqualTo("fixed-delay");
      assertThat(properties.path("execution.checkpointing.dir").asText())
          .startsWith("file:///data/");
      assertThat(properties.path("jobmanager.rpc.address").asText()).isEqualTo("jobmanager");
    }
  }

  @Test
  void submitsTheJobJarWithArgumentsItAccepts() {
    List<String> command = strings(services.path("submit").path("command"));
    assertThat(command.subList(0, 5))
        .containsExactly("flink", "run", "-d", "-m", "jobmanager:8081");
    assertThat(command.get(5)).isEqualTo("/jobs/logrca-job.jar");
    assertThat(hostFolder("submit", "/jobs").resolve("logrca-job.jar"))
        .as("the job jar, built before this module")
        .isRegularFile();
    JobArguments job =
        JobArguments.parse(command.subList(6, command.size()).toArray(String[]::new));
    assertThat(job.data()).isEqualTo("/data");
    assertThat(job.kafka().bootstrapServers()).isEqualTo("kafka:19092");
    assertThat(
            services.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText())
        .contains("//kafka:19092");
  }

  @Test
  void servesTheConsoleFromTheAppJarOverTheJobsData() throws Exception {
    List<String> command = strings(services.path("search").path("command"));
    assertThat(command).containsSubsequence("-jar", "/app/logrca.jar", "serve");
    assertThat(command).containsSubsequence("--data", "/data");
    assertThat(command).containsSubsequence("--token-file", "/run/secrets/console-token");
    Path app = hostFolder("search", "/app");
    assertThat(app.getParent().resolve("pom.xml"))
        .content()
        .as("app/pom.xml names its fat jar logrca.jar")
        .contains("<finalName>logrca</finalName>");
    assertThat(hostFolder("search", "/data")).isEqualTo(hostFolder("jobmanager", "/data"));
    assertThat(Files.readString(DOCKER.resolve("../.gitignore")))
        .as("the console's secret is never committed")
        .contains("/docker/console-token");
  }

  /** The host folder (relative to docker/) that {@code service} mounts at {@code target}. */
  private Path hostFolder(String service, String target) {
    for (JsonNode volume : services.path(service).path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts[1].equals(target)) {
        return DOCKER.resolve(parts[0]).normalize();
      }
    }
    throw new AssertionError(service + " mounts nothing at " + target);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
