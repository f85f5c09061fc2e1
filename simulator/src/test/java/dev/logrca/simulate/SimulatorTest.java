package dev.logrca.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatorTest {
  /** Phrases that only a fault produces, for every scenario (the fault-free run has none). */
  private static final Map<Scenario, Pattern> SIGNS =
      Map.ofEntries(
          Map.entry(
              Scenario.DEPENDENCY_DOWN,
              Pattern.compile("fast shutdown|shutting down|Received SIGTERM|refused")),
          Map.entry(
              Scenario.NETWORK_LATENCY,
              Pattern.compile("timed out|deadline exceeded|AOF fsync|responding slowly")),
          Map.entry(Scenario.RESOURCE_DISK_FULL, Pattern.compile("No space left|MISCONF")),
          Map.entry(
              Scenario.RESOURCE_OUT_OF_MEMORY,
              Pattern.compile("OutOfMemoryError|pause of approximately \\d{4,}ms")),
          Map.entry(
              Scenario.DEPLOY_BAD_RELEASE,
              Pattern.compile("Starting \\w+Application v|NullPointerException|graceful shutdown")),
          Map.entry(Scenario.APP_EXCEPTION, Pattern.compile("IllegalStateException|panic")),
          Map.entry(
              Scenario.NETWORK_UNREACHABLE,
              Pattern.compile("(?i)no route to host|EHOSTUNREACH|reset by peer")),
          Map.entry(
              Scenario.RESOURCE_POOL_EXHAUSTED,
              Pattern.compile(
                  "not available, request timed out|RejectedExecution|too many clients"
                      + "|leak detection")),
          Map.entry(
              Scenario.DNS_RESOLUTION,
              Pattern.compile("UnknownHost|no such host|name resolution|lookup postgres")),
          Map.entry(
              Scenario.SECURITY_CERTIFICATE, Pattern.compile("(?i)certificate|PKIX|tls handshake")),
          Map.entry(
              Scenario.CONFIG_ERROR,
              Pattern.compile("password authentication failed|onfiguration reloaded")),
          Map.entry(
              Scenario.RESOURCE_CPU_SATURATION,
              Pattern.compile("Thread starvation|pause of approximately \\d{4,}ms|Slow request")));

  /** Errors of any kind: the fault-free background has warnings, but no errors. */
  private static final Pattern ERROR =
      Pattern.compile(
          "\\bERROR\\b|FATAL|PANIC|\"level\":50|\"level\":\"error\"|\" 5\\d\\d \\d+ \"-\"");

  @TempDir Path dir;

  @Test
  void sameSeedWritesTheSameBytes() throws IOException {
    SimulationConfig config = SimulationConfig.of(Scenario.APP_EXCEPTION, 42).withMinutes(3);
    SimulationResult first = new Simulator(config).run(dir.resolve("a"));
    SimulationResult second = new Simulator(config).run(dir.resolve("b"));
    SimulationResult other =
        new Simulator(SimulationConfig.of(Scenario.APP_EXCEPTION, 43).withMinutes(3))
            .run(dir.resolve("c"));

    assertThat(second.lines()).isEqualTo(first.lines());
    assertThat(first.files()).hasSize(SystemLogs.SERVICES.size() + 2);
    for (Path file : first.files()) {
      Path twin = dir.resolve("b").resolve(file.getFileName());
      assertThat(Files.readAllBytes(twin)).as(file.toString()).isEqualTo(Files.readAllBytes(file));
    }
    assertThat(Files.readAllBytes(dir.resolve("c/gateway.log")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a/gateway.log")));
    assertThat(other.lines()).isNotEqualTo(first.lines());
  }

  @ParameterizedTest
  @EnumSource(Scenario.class)
  void everyScenarioWritesParsableLogsAndItsTruth(Scenario scenario) throws IOException {
    SimulationConfig config = SimulationConfig.of(scenario, 7).withMinutes(4);
    SimulationResult result = new Simulator(config).run(dir);

    Truth truth = Truth.read(dir.resolve("truth.json"));
    assertThat(truth).isEqualTo(result.truth());
    assertThat(truth.scenario()).isEqualTo(scenario.id());
    assertThat(truth.seed()).isEqualTo(7);
    assertThat(Topology.read(dir.resolve("topology.json"))).isEqualTo(SystemLogs.topology());

    Instant faultStart = config.end();
    if (scenario == Scenario.NONE) {
      assertThat(truth.faults()).isEmpty();
    } else {
      assertThat(truth.faults()).hasSize(1);
      Truth.Fault fault = truth.faults().get(0);
      assertThat(fault.category()).isEqualTo(scenario.id());
      assertThat(fault.service()).isIn(scenario.roots()).isIn(SystemLogs.SERVICES);
      Duration offset = Duration.between(config.start(), fault.start());
      assertThat(offset.toSeconds()).isBetween(4 * 60 * 55 / 100L, 4 * 60 * 70 / 100L);
      faultStart = fault.start();
    }

    long total = 0;
    List<String> signs = new ArrayList<>();
    for (String service : SystemLogs.SERVICES) {
      Instant previous = Instant.MIN;
      Instant current = null;
      for (String line : Files.readAllLines(dir.resolve(service + ".log"))) {
        total++;
        Instant time = LogFormats.time(service, line);
        if (time != null) {
          assertThat(time).as(service + ": " + line).isAfterOrEqualTo(previous);
          previous = time;
          current = time;
        }
        assertThat(current).as("first line of " + service + " has a header").isNotNull();
        boolean faultLine =
            ERROR.matcher(line).find()
                || SIGNS.values().stream().anyMatch(p -> p.matcher(line).find());
        if (faultLine) {
          // nginx and the datastores print whole seconds or round; compare at second precision.
          assertThat(current.getEpochSecond())
              .as(service + " fault line before the fault: " + line)
              .isGreaterThanOrEqualTo(faultStart.getEpochSecond());
        }
        if (scenario != Scenario.NONE && SIGNS.get(scenario).matcher(line).find()) {
          signs.add(service);
        }
      }
    }
    assertThat(total).isEqualTo(result.lines());
    if (scenario != Scenario.NONE) {
      assertThat(signs).as("lines naming the fault").hasSizeGreaterThan(5);
      assertThat(signs)
          .as("the root's own voice")
          .contains(result.truth().faults().get(0).service());
    }
  }

  @Test
  void theRootVariesWithTheSeed() throws IOException {
    for (Scenario scenario : Scenario.values()) {
      if (scenario.roots().size() < 2) {
        continue;
      }
      Set<String> roots = new HashSet<>();
      for (long seed = 1; seed <= 12; seed++) {
        SimulationConfig config = SimulationConfig.of(scenario, seed).withMinutes(1).withRate(0.5);
        roots.add(
            new Simulator(config)
                .run(dir.resolve(scenario.id() + seed))
                .truth()
                .faults()
                .get(0)
                .service());
      }
      assertThat(roots).as(scenario.id()).hasSizeGreaterThan(1);
    }
  }

  @Test
  void callersFailAfterTheRootsFirstSign() throws IOException {
    SimulationConfig config = SimulationConfig.of(Scenario.DEPENDENCY_DOWN, 1).withMinutes(4);
    Truth truth = new Simulator(config).run(dir).truth();
    String root = truth.faults().get(0).service();

    String firstRoot = firstMatching(root, Pattern.compile("shutdown|SIGTERM"));
    String firstCaller = firstMatching("inventory", Pattern.compile("ERROR|WARN .*refused"));
    assertThat(firstRoot).isNotNull();
    assertThat(firstCaller).isNotNull();
    assertThat(LogFormats.time("inventory", firstCaller)).isAfter(LogFormats.time(root, firstRoot));
    assertThat(Files.readString(dir.resolve("gateway.log"))).contains("\" 503 ");
  }

  @Test
  void aTraceIdFollowsTheRequestThroughEveryHop() throws IOException {
    new Simulator(SimulationConfig.of(Scenario.NONE, 3).withMinutes(1)).run(dir);
    String payment = Files.readAllLines(dir.resolve("payment.log")).get(0);
    String traceId = payment.replaceAll(".*\"trace_id\":\"([0-9a-f]{32})\".*", "$1");
    assertThat(traceId).hasSize(32);
    for (String service : List.of("gateway", "frontend", "checkout", "inventory")) {
      assertThat(Files.readString(dir.resolve(service + ".log"))).as(service).contains(traceId);
    }
  }

  @Test
  void aDefaultRunIsDemoSized() throws IOException {
    SimulationResult result = new Simulator(SimulationConfig.of(Scenario.NONE, 1)).run(dir);
    assertThat(result.lines()).isBetween(18_000L, 40_000L);
  }

  @Test
  void theRateScalesTheVolumeForBenchmarks() throws IOException {
    SimulationConfig config = SimulationConfig.of(Scenario.NONE, 1).withMinutes(1).withRate(500);
    SimulationResult result = new Simulator(config).run(dir);
    // About 6.5 lines per request: 500 requests/s for 60 s is near 200k lines.
    assertThat(result.lines()).isBetween(150_000L, 260_000L);
  }

  @Test
  void badConfigIsRejected() {
    SimulationConfig base = SimulationConfig.of(Scenario.NONE, 1);
    assertThatThrownBy(() -> base.withMinutes(0)).hasMessageContaining("minutes");
    assertThatThrownBy(() -> base.withRate(0)).hasMessageContaining("rate");
    assertThatThrownBy(() -> base.withRate(Double.NaN)).hasMessageContaining("rate");
    assertThatThrownBy(() -> Scenario.fromId("disk.full"))
        .hasMessageContaining("resource.disk_full")
        .hasMessageContaining("none");
    assertThat(Scenario.fromId("dependency.down")).isEqualTo(Scenario.DEPENDENCY_DOWN);
  }

  private String firstMatching(String service, Pattern pattern) throws IOException {
    return Files.readAllLines(dir.resolve(service + ".log")).stream()
        .filter(line -> pattern.matcher(line).find())
        .findFirst()
        .orElse(null);
  }
}
