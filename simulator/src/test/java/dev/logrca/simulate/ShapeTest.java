package dev.logrca.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShapeTest {
  private static final Pattern ERROR =
      Pattern.compile("\\bERROR\\b|FATAL|PANIC|\"level\":50|\"level\":\"error\"");

  @TempDir Path dir;

  private Truth run(Scenario scenario, long seed, Shape shape, String name) throws IOException {
    SimulationConfig config = SimulationConfig.of(scenario, seed).withMinutes(9).withShape(shape);
    return new Simulator(config).run(dir.resolve(name)).truth();
  }

  private List<String> lines(String name, String service) throws IOException {
    return Files.readAllLines(dir.resolve(name).resolve(service + ".log"));
  }

  /** The lines that start an event, with their time; every line must fit its layout. */
  private List<Timed> events(String name, String service) throws IOException {
    List<Timed> events = new java.util.ArrayList<>();
    for (String line : lines(name, service)) {
      Instant time = LogFormats.time(service, line);
      if (time != null) {
        if (!events.isEmpty()) {
          assertThat(time).as(service).isAfterOrEqualTo(events.get(events.size() - 1).time());
        }
        events.add(new Timed(time, line));
      }
    }
    return events;
  }

  private record Timed(Instant time, String line) {}

  @ParameterizedTest
  @EnumSource(
      value = Shape.class,
      names = {"CASCADE3", "TWO_FAULTS", "NOISY_NEIGHBOUR", "WARNINGS_FIRST"})
  void everyShapeWritesTheSameBytesForTheSameSeed(Shape shape) throws IOException {
    run(Scenario.DEPENDENCY_DOWN, 7, shape, "a");
    run(Scenario.DEPENDENCY_DOWN, 7, shape, "b");
    run(Scenario.DEPENDENCY_DOWN, 8, shape, "c");
    for (String service : SystemLogs.SERVICES) {
      String file = service + ".log";
      assertThat(Files.mismatch(dir.resolve("a/" + file), dir.resolve("b/" + file)))
          .as(file)
          .isEqualTo(-1L);
    }
    assertThat(Files.readString(dir.resolve("a/truth.json")))
        .isEqualTo(Files.readString(dir.resolve("b/truth.json")));
    assertThat(Files.readString(dir.resolve("a/gateway.log")))
        .isNotEqualTo(Files.readString(dir.resolve("c/gateway.log")));
  }

  @Test
  void twoFaultsListsBothInDifferentServicesAndCategoriesMinutesApart() throws IOException {
    for (long seed = 1; seed <= 6; seed++) {
      Truth truth = run(Scenario.values()[(int) seed], seed, Shape.TWO_FAULTS, "two" + seed);
      Truth read = Truth.read(dir.resolve("two" + seed).resolve("truth.json"));

      assertThat(read).isEqualTo(truth);
      assertThat(truth.faults()).hasSize(2);
      Truth.Fault first = truth.faults().get(0);
      Truth.Fault second = truth.faults().get(1);
      assertThat(second.service()).isNotEqualTo(first.service());
      assertThat(second.category()).isNotEqualTo(first.category());
      assertThat(Duration.between(first.start(), second.start()))
          .isBetween(Duration.ofSeconds(45), Duration.ofSeconds(120));
      // a fault's root writes its first lines in its first second, which must exist
      assertThat(second.start().toEpochMilli() % 1000).isZero();
    }
  }

  @Test
  void aSecondFaultThatNoRequestReachesIsNotInTheTruth() throws IOException {
    Files.createDirectories(dir.resolve("masked"));
    try (SystemLogs logs = new SystemLogs(dir.resolve("masked"))) {
      long start = Instant.parse("2026-11-27T10:05:00Z").toEpochMilli();
      java.util.SplittableRandom random = new java.util.SplittableRandom(1);
      Fault first = new NewException("inventory", start, logs, random);
      Fault second = new NewException("payment", start + 60_000, logs, random);
      TwoFaults both = new TwoFaults(first, second);

      assertThat(both.truths()).extracting(Truth.Fault::service).containsExactly("inventory");
      assertThat(second.leftATrace()).isFalse();
    }
  }

  @Test
  void twoFaultsShowBothRootsFailingOnTheirOwn() throws IOException {
    Truth truth = run(Scenario.DEPENDENCY_DOWN, 3, Shape.TWO_FAULTS, "two");
    Truth.Fault second = truth.faults().get(1);
    // The second root's own log changes only from its start: it has lines in the fault's window
    // that differ from anything before it (every fault writes its root's own lines).
    long after =
        events("two", second.service()).stream()
            .filter(e -> !e.time().isBefore(second.start()))
            .count();
    assertThat(after).isPositive();
    assertThat(truth.faults().get(0).category()).isEqualTo("dependency.down");
  }

  @Test
  void cascadeRootsTwoHopsDownAndTheMiddleThrowsItsOwnExceptions() throws IOException {
    for (long seed = 1; seed <= 4; seed++) {
      String name = "cascade" + seed;
      Truth truth = run(Scenario.DEPENDENCY_DOWN, seed, Shape.CASCADE3, name);
      Truth.Fault fault = truth.faults().get(0);
      assertThat(fault.service()).isIn("postgres", "redis");
      List<String> middle = lines(name, "inventory");
      assertThat(middle)
          .anyMatch(l -> l.contains("NullPointerException") || l.contains("ledger out of sync"));
      assertThat(middle).anyMatch(l -> l.contains("CircuitBreaker 'stockStore' is OPEN"));
      assertThat(middle.stream().filter(l -> l.contains("ledger out of sync")))
          .allMatch(l -> !l.contains(fault.service()));
      // The edge sees the middle's failures.
      assertThat(lines(name, "gateway")).anyMatch(l -> l.contains("\" 50"));
    }
  }

  @Test
  void cascadeThroughPaymentPutsCheckoutInTheMiddle() throws IOException {
    Truth truth = run(Scenario.SECURITY_CERTIFICATE, 5, Shape.CASCADE3, "pay");
    assertThat(truth.faults().get(0).service()).isEqualTo("payment");
    assertThat(lines("pay", "checkout"))
        .anyMatch(l -> l.contains("PaymentResult.status()") || l.contains("PENDING_PAYMENT"));
  }

  @Test
  void noisyNeighbourLogsErrorsBeforeTheFaultInAnotherService() throws IOException {
    Truth truth = run(Scenario.DNS_RESOLUTION, 4, Shape.NOISY_NEIGHBOUR, "noisy");
    Instant start = truth.faults().get(0).start();
    String root = truth.faults().get(0).service();
    long earlyErrors = 0;
    for (String service : List.of("checkout", "inventory", "payment", "frontend")) {
      if (service.equals(root)) {
        continue;
      }
      earlyErrors +=
          events("noisy", service).stream()
              .filter(e -> e.time().isBefore(start) && ERROR.matcher(e.line()).find())
              .count();
    }
    // 5 minutes before the fault at one error every 1.5-7.5 s.
    assertThat(earlyErrors).isGreaterThan(40);
  }

  @Test
  void noisyNeighbourAlsoSuitsAFaultFreeRun() throws IOException {
    Truth truth = run(Scenario.NONE, 2, Shape.NOISY_NEIGHBOUR, "calm");
    assertThat(truth.faults()).isEmpty();
    long errors = 0;
    for (String service : SystemLogs.SERVICES) {
      errors +=
          events("calm", service).stream().filter(e -> ERROR.matcher(e.line()).find()).count();
    }
    assertThat(errors).isGreaterThan(60);
  }

  @Test
  void warningsFirstWarnsBeforeTheFirstError() throws IOException {
    for (Scenario scenario : List.of(Scenario.DEPENDENCY_DOWN, Scenario.APP_EXCEPTION)) {
      String name = "warn-" + scenario.id();
      Truth truth = run(scenario, 9, Shape.WARNINGS_FIRST, name);
      Truth.Fault fault = truth.faults().get(0);
      List<Timed> root = events(name, fault.service());
      Instant firstError = firstMatching(root, ERROR, fault.start());
      Instant firstWarning =
          firstMatching(root, Pattern.compile("WARN|\"warn\"|# |LOG:|WARNING"), fault.start());

      assertThat(firstWarning).isEqualTo(fault.start());
      assertThat(Duration.between(fault.start(), firstError))
          .isGreaterThanOrEqualTo(Duration.ofMillis(WarningsFirst.MIN_LEAD_MS));
    }
  }

  /** The words a root's first warnings use for each kind of fault, as real software words them. */
  private static final java.util.Map<Scenario, Pattern> PRECURSOR =
      java.util.Map.of(
          Scenario.RESOURCE_DISK_FULL,
          Pattern.compile("archiving write-ahead log file|AOF fsync is taking too long"),
          Scenario.RESOURCE_OUT_OF_MEMORY,
          Pattern.compile("G1 Old Gen|Detected pause in JVM"),
          Scenario.RESOURCE_CPU_SATURATION,
          Pattern.compile("Thread starvation or clock leap|Detected pause in JVM"),
          Scenario.RESOURCE_POOL_EXHAUSTED,
          Pattern.compile("Connection leak detection|queue is nearly full|connection authorized"),
          Scenario.NETWORK_UNREACHABLE,
          Pattern.compile("[Cc]onnection reset by peer"),
          Scenario.DNS_RESOLUTION,
          Pattern.compile("53: read udp .*i/o timeout|Temporary failure in name resolution"),
          Scenario.SECURITY_CERTIFICATE,
          Pattern.compile("certificate.*expires"),
          Scenario.CONFIG_ERROR,
          Pattern.compile("configuration key|password.file"),
          Scenario.APP_EXCEPTION,
          Pattern.compile("IllegalStateException|nil pointer dereference"));

  /** What an overloaded service warns about: right before an outage, wrong before the others. */
  private static final Pattern OVERLOAD =
      Pattern.compile(
          "(?i)slow query|nearly exhausted|Retrying call after timeout|ShareLock"
              + "|checkpoints are occurring|autovacuum worker|maxclients|output buffer limits");

  @ParameterizedTest
  @EnumSource(
      value = Scenario.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {"NONE", "DEPENDENCY_DOWN", "NETWORK_LATENCY", "DEPLOY_BAD_RELEASE"})
  void warningsFirstWarnsOfTheFaultToCome(Scenario scenario) throws IOException {
    for (long seed : List.of(9L, 10L)) {
      String name = "precursor-" + scenario.id() + "-" + seed;
      Truth.Fault fault = run(scenario, seed, Shape.WARNINGS_FIRST, name).faults().get(0);
      List<Timed> root = events(name, fault.service());
      Instant firstError = firstErrorAnywhere(name, fault.start());
      List<String> before =
          root.stream()
              .filter(e -> !e.time().isBefore(fault.start()) && e.time().isBefore(firstError))
              .map(Timed::line)
              .toList();

      assertThat(Duration.between(fault.start(), firstError))
          .as(name)
          .isGreaterThanOrEqualTo(Duration.ofMillis(WarningsFirst.MIN_LEAD_MS));
      assertThat(before)
          .as(name)
          .anyMatch(line -> PRECURSOR.get(scenario).matcher(line).find())
          .noneMatch(line -> OVERLOAD.matcher(line).find());
    }
  }

  @Test
  void theFaultAfterTheWarningsStillWritesTheLinesOfItsFirstSecond() throws IOException {
    // a configuration error announces its reload only in its first second
    for (long seed : List.of(9L, 10L)) {
      String name = "reload-" + seed;
      Truth.Fault fault =
          run(Scenario.CONFIG_ERROR, seed, Shape.WARNINGS_FIRST, name).faults().get(0);
      assertThat(lines(name, fault.service()))
          .as(name)
          .anyMatch(line -> line.contains("onfiguration reloaded"));
    }
  }

  @Test
  void anExpiringCertificateIsWarnedAboutBeforeItFailsHandshakes() throws IOException {
    for (long seed : List.of(9L, 10L)) {
      String name = "certificate-" + seed;
      Truth.Fault fault =
          run(Scenario.SECURITY_CERTIFICATE, seed, Shape.WARNINGS_FIRST, name).faults().get(0);
      List<Timed> root = events(name, fault.service());
      Instant firstWarning =
          firstMatching(root, Pattern.compile("\\bWARN\\b|\"level\":\"warn\""), fault.start());
      String warning =
          root.stream().filter(e -> e.time().equals(firstWarning)).findFirst().orElseThrow().line();
      Instant firstHandshakeFailure =
          firstMatching(root, Pattern.compile("TLS handshake"), fault.start());

      assertThat(firstWarning).isEqualTo(fault.start());
      assertThat(warning).containsPattern("certificate.*expires.*\\d+ ?s");
      assertThat(firstHandshakeFailure)
          .isAfter(fault.start().plusMillis(WarningsFirst.MIN_LEAD_MS));
    }
  }

  @Test
  void aBadReleaseIsDeployedFirstAndFailsAfterItsOwnWarnings() throws IOException {
    Truth.Fault fault =
        run(Scenario.DEPLOY_BAD_RELEASE, 9, Shape.WARNINGS_FIRST, "release").faults().get(0);
    List<Timed> root = events("release", fault.service());
    Instant shutdown =
        firstMatching(root, Pattern.compile("Commencing graceful shutdown"), fault.start());
    Instant started =
        firstMatching(root, Pattern.compile("Started \\w+Application"), fault.start());
    Instant firstWarning = firstMatching(root, Pattern.compile("\\bWARN\\b"), fault.start());
    Instant firstError = firstMatching(root, ERROR, fault.start());

    assertThat(shutdown).isEqualTo(fault.start());
    assertThat(root)
        .filteredOn(e -> e.time().isAfter(started) && e.time().isBefore(firstError))
        .extracting(Timed::line)
        .anyMatch(line -> line.matches(".*(no shipping address|no reserved count).*"))
        .noneMatch(line -> OVERLOAD.matcher(line).find());
    assertThat(firstWarning).isAfter(started);
    assertThat(firstError)
        .isAfter(firstWarning)
        .isAfterOrEqualTo(fault.start().plusMillis(WarningsFirst.MIN_LEAD_MS));
  }

  @Test
  void aFaultThatFollowsItsWarningsStillWritesItsFirstLines() throws IOException {
    for (long seed = 1; seed <= 4; seed++) {
      String name = "down-" + seed;
      Truth truth = run(Scenario.DEPENDENCY_DOWN, seed, Shape.WARNINGS_FIRST, name);
      String root = truth.faults().get(0).service();
      // the datastore announces its shutdown in the first second of the fault proper
      assertThat(lines(name, root))
          .as("seed %d, %s", seed, root)
          .anyMatch(line -> line.contains("shutdown request") || line.contains("SIGTERM"));
    }
  }

  @Test
  void shapesThatNeedAFaultOrADeepRootAreRejected() {
    assertThatThrownBy(() -> SimulationConfig.of(Scenario.NONE, 1).withShape(Shape.TWO_FAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a fault");
    assertThatThrownBy(
            () -> SimulationConfig.of(Scenario.RESOURCE_OUT_OF_MEMORY, 1).withShape(Shape.CASCADE3))
        .hasMessageContaining("two hops below the edge");
    assertThat(Shape.fromId("warnings-first")).isEqualTo(Shape.WARNINGS_FIRST);
    assertThatThrownBy(() -> Shape.fromId("cascade")).hasMessageContaining("valid: plain");
  }

  /** The first error any service writes at or after {@code from}. */
  private Instant firstErrorAnywhere(String name, Instant from) throws IOException {
    Instant first = null;
    for (String service : SystemLogs.SERVICES) {
      Instant error = firstMatching(events(name, service), ERROR, from);
      if (error != null && (first == null || error.isBefore(first))) {
        first = error;
      }
    }
    return first;
  }

  /** The first event at or after {@code from} matching {@code pattern}; null if none. */
  private static Instant firstMatching(List<Timed> events, Pattern pattern, Instant from) {
    return events.stream()
        .filter(e -> pattern.matcher(e.line()).find() && !e.time().isBefore(from))
        .map(Timed::time)
        .min(Instant::compareTo)
        .orElse(null);
  }
}
