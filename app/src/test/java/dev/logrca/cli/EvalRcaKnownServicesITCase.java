package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval rca --known-services system} on trimmed real Train-Ticket lines: in F08-01 only
 * ts-order-service logs ({@code request for station service namelist denyed:
 * HttpClientErrorException: 403 null}); ts-station-service logs only in another run of the same
 * system (ordinary lines of F05-01's ts-station-service and ts-travel-service, scored as a run
 * without a fault): the three services share the system's "ts-" prefix. Knowing the system's
 * services, the caller's lines blame the callee; knowing only the run's, they blame the caller.
 */
class EvalRcaKnownServicesITCase {
  private static final Path SYSTEM = Path.of("src/test/resources/real-faults/system-train-ticket");

  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aCalleeThatLogsOnlyInAnotherRunOfTheSystemIsNamed() {
    CliRun run =
        CliRun.of(
            "eval",
            "rca",
            "--known-services",
            "system",
            "--data",
            dir.resolve("data").toString(),
            SYSTEM.resolve("F08-01").toString(),
            SYSTEM.resolve("F05-01-ordinary").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "known services of system-train-ticket (every service that logs in its runs):"
                + " ts-order-service ts-station-service ts-travel-service")
        .containsPattern("F08-01 .*top3 \\[ts-station-service app.exception [0-9.]+.*hit@1 Y")
        .contains("false incidents: 0 ");
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void withTheRunsOwnServicesTheCallerIsBlamed() {
    CliRun run =
        CliRun.of(
            "eval",
            "rca",
            "--data",
            dir.resolve("data").toString(),
            SYSTEM.resolve("F08-01").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .doesNotContain("known services of")
        .containsPattern("F08-01 .*top3 \\[ts-order-service app.exception [0-9.]+.*hit@1 n");
  }
}
