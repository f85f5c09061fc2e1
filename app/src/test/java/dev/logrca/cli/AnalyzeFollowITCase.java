package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.index.EventShards;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import dev.logrca.simulate.Truth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code logrca analyze --follow} on a folder that is empty when the job starts: a simulated
 * system's services create their log files in it and write their lines over time, the incident is
 * reported while they write with the injected fault as its top cause, and a stop request ends the
 * run with every line analysed and the summary printed.
 */
class AnalyzeFollowITCase {
  /** Event time written per step: the writers run ahead of the wall clock, as a replay would. */
  private static final long STEP_MILLIS = 20_000;

  @TempDir Path dir;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void reportsTheFaultWhileTheLogsAreWrittenAndStopsCleanly() throws Exception {
    SimulationResult sim =
        new Simulator(SimulationConfig.of(Scenario.fromId("dependency.down"), 11))
            .run(dir.resolve("sim"));
    Truth.Fault fault = sim.truth().faults().get(0);
    Path live = Files.createDirectories(dir.resolve("live"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Logrca.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    AnalyzeCommand analyze = cli.getSubcommands().get("analyze").getCommand();
    analyze.stopRequest = new CompletableFuture<>();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cli.execute(
                    "analyze",
                    "--follow",
                    "--data",
                    dir.resolve("data").toString(),
                    live.toString()));

    String expected = "top cause: " + fault.service() + " " + fault.category();
    writeOverTime(sim, live);
    awaitOrFail(() -> out.toString().contains(expected), exit, out, err);
    analyze.stopRequest.complete(null);
    int code = exit.get(3, TimeUnit.MINUTES);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .as("incidents printed while following")
        .containsPattern("new incident \\S+ .*top cause: ")
        .contains("Final state of the incidents:");
    assertThat(err.toString()).contains("following 0 files and 1 folders");
    // the stop does not wait for the job to catch up with the writers: the lines read by then
    // are all in the event index, committed, each once
    Matcher summary = Pattern.compile("analysed (\\d+) lines").matcher(err.toString());
    assertThat(summary.find()).as(err.toString()).isTrue();
    long analysed = Long.parseLong(summary.group(1));
    assertThat(analysed).isPositive().isLessThanOrEqualTo(sim.lines());
    assertThat(EventShards.count(dir.resolve("data"))).isEqualTo(analysed);
  }

  /**
   * Appends each simulated file's lines to a file of the same name in {@code live}, one step of
   * event time after the other, so that all files move forward in time together.
   */
  private static void writeOverTime(SimulationResult sim, Path live) throws Exception {
    List<TimedFile> files = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Path file : sim.logFiles()) {
      TimedFile timed = TimedFile.of(file, live.resolve(file.getFileName()));
      files.add(timed);
      first = Math.min(first, timed.times[0]);
      last = Math.max(last, timed.times[timed.times.length - 1]);
    }
    for (long upTo = first + STEP_MILLIS; upTo < last + STEP_MILLIS; upTo += STEP_MILLIS) {
      for (TimedFile file : files) {
        file.appendBefore(upTo);
      }
      // the writers' pace: a step of event time every quarter second of wall clock
      Thread.sleep(250);
    }
  }

  private static void awaitOrFail(
      Supplier<Boolean> condition,
      CompletableFuture<Integer> exit,
      StringWriter out,
      StringWriter err)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (!condition.get()) {
      assertThat(exit).as("the run ended early: %s%n%s", out, err).isNotDone();
      assertThat(System.nanoTime())
          .as("no such incident yet: %s%n%s", out, err)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** One simulated file's lines with their event times, and how many were written so far. */
  private static final class TimedFile {
    final Path target;
    final List<String> lines;
    final long[] times;
    int written;

    private TimedFile(Path target, List<String> lines, long[] times) {
      this.target = target;
      this.lines = lines;
      this.times = times;
    }

    static TimedFile of(Path source, Path target) throws Exception {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      LineDecoder decoder =
          new LineDecoder(
              new SourceContext(
                  source.toString(),
                  ServiceNames.fromPath(source),
                  null,
                  ZoneOffset.UTC,
                  SimulationConfig.DEFAULT_START.atZone(ZoneOffset.UTC).getYear(),
                  SimulationConfig.DEFAULT_START.toEpochMilli()));
      long[] times = new long[lines.size()];
      for (int i = 0; i < lines.size(); i++) {
        times[i] = decoder.decode(lines.get(i), i + 1).timestamp();
      }
      return new TimedFile(target, lines, times);
    }

    void appendBefore(long upTo) throws Exception {
      StringBuilder text = new StringBuilder();
      while (written < lines.size() && times[written] < upTo) {
        text.append(lines.get(written++)).append('\n');
      }
      if (!text.isEmpty()) {
        Files.writeString(
            target,
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }
  }
}
