package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logrca eval rca} scores each run on its own: a former evaluation's incidents, left in the
 * same scratch folder over the same simulated hours, are not counted again.
 */
class EvalRcaITCase {
  @TempDir Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aFormerRunsIncidentsInTheSameScratchFolderAreNotScored() {
    Path run = dir.resolve("run");
    String data = dir.resolve("data").toString();
    simulate(run, "dependency.down", "7");
    CliRun faulty = CliRun.of("eval", "rca", "--data", data, run.toString());
    assertThat(faulty.exitCode()).as(faulty.err()).isZero();
    assertThat(faulty.out()).contains("AC@1 service 1/1");

    // the same folder name, now without a fault, evaluated into the same scratch folder
    simulate(run, "none", "8");
    CliRun quiet = CliRun.of("eval", "rca", "--data", data, run.toString());

    assertThat(quiet.exitCode()).as(quiet.err()).isZero();
    assertThat(quiet.out())
        .contains("runs 0 with a fault, 1 without")
        .contains("false incidents: 0 ");
  }

  private static void simulate(Path out, String scenario, String seed) {
    CliRun sim =
        CliRun.of(
            "simulate",
            "--scenario",
            scenario,
            "--seed",
            seed,
            "--minutes",
            "6",
            "--out",
            out.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
  }
}
