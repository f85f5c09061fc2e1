package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.Simulator;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logrca bench} runs both sides over the same lines and reports where the job spent its
 * time. Only what it counts is asserted: how fast a test machine runs is no test's business.
 */
class BenchCommandITCase {
  private static final Pattern RUN =
      Pattern.compile("(baseline|job) +run 1: ([\\d,]+) lines in [\\d.]+ s = [\\d,]+ lines/s");

  private static final Pattern TIMELINE =
      Pattern.compile(
          "cluster up, job submitted ([\\d.]+); rules built ([\\d.]+); first line mined ([\\d.]+);"
              + " last line mined ([\\d.]+); job finished ([\\d.]+); run returned ([\\d.]+)");

  @TempDir Path dir;

  @Test
  void measuresBothSidesOnTheSameLinesAndNamesTheBusiestTasks() throws Exception {
    Path logs = dir.resolve("logs");
    new Simulator(SimulationConfig.of(Scenario.fromId("dependency.down"), 3).withMinutes(2))
        .run(logs);

    CliRun run =
        CliRun.of(
            "bench",
            "--runs",
            "1",
            "--scratch",
            dir.resolve("scratch").toString(),
            logs.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = RUN.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    String baselineLines = m.group(2);
    assertThat(m.find()).as(run.out()).isTrue();
    assertThat(m.group(1)).isEqualTo("job");
    assertThat(m.group(2)).isEqualTo(baselineLines);
    assertThat(Long.parseLong(baselineLines.replace(",", ""))).isGreaterThan(1000);
    assertThat(run.out()).contains("job/baseline", "template-miner", "correlation", "event-index");
    assertPhasesInOrder(run.out());
  }

  /**
   * The run's timeline names every phase; from the first line on each ends no earlier than the one
   * before (the cluster's start, the rules' build and the first line overlap).
   */
  private static void assertPhasesInOrder(String out) {
    Matcher t = TIMELINE.matcher(out);
    assertThat(t.find()).as(out).isTrue();
    for (int phase = 4; phase <= 6; phase++) {
      assertThat(Double.parseDouble(t.group(phase)))
          .as(out)
          .isGreaterThanOrEqualTo(Double.parseDouble(t.group(phase - 1)));
    }
    assertThat(Double.parseDouble(t.group(2))).as(out).isPositive();
    assertThat(out)
        .containsPattern("phases \\(s\\): start-up [\\d.]+, mining [\\d.]+, drain [\\d.]+");
  }

  @Test
  void refusesZeroRuns() {
    CliRun run = CliRun.of("bench", "--runs", "0", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--runs must be at least 1");
  }
}
