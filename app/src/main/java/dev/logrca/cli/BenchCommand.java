package dev.logrca.cli;

import dev.logrca.core.topology.Topology;
import dev.logrca.flink.JobCounters;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.rules.RuleCompilations;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logrca bench}: how fast the whole job runs compared with the raw decode-and-index
 * baseline, on the same lines in the same JVM, and where the job spends its time.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure lines/s of (a) decoding the lines and indexing them into a Lucene event index on"
          + " one thread without Flink and (b) the whole job on the embedded MiniCluster, their"
          + " ratio, and each Flink task's busy, back-pressured and idle time."
    })
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", paramLabel = "HEADER", description = "Header format, as analyze.")
  String format;

  @Option(names = "--topology", paramLabel = "FILE", description = "Call graph, as analyze.")
  Path topology;

  @Option(
      names = "--runs",
      defaultValue = "3",
      paramLabel = "N",
      description = "Runs of each side; medians are printed (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--parallelism",
      paramLabel = "P",
      description = "Parallelism of the job's per-service stages (default: the job's default).")
  Integer parallelism;

  @Option(
      names = "--scratch",
      paramLabel = "DIR",
      defaultValue = "bench-data",
      description =
          "Folder for the indices written; emptied before each run (default: ${DEFAULT-VALUE}).")
  Path scratch;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1");
    }
    InputScan scan = InputScan.of(paths, format);
    scan.problems().forEach(spec.commandLine().getErr()::println);
    if (scan.files().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no readable log file given");
    }
    JobSettings settings = settings();
    out.printf(
        "corpus: %d files; job parallelism %d; %d runs each%n",
        scan.files().size(), settings.parallelism(), runs);
    double[] baseline = new double[runs];
    double[] job = new double[runs];
    Map<String, long[]> busy = Map.of();
    Duration jobWall = Duration.ZERO;
    for (int run = 0; run < runs; run++) {
      baseline[run] = baseline(out, scan.files(), run);
      BusyTimeReporter.reset();
      // each run builds its rules afresh, as one analyze does, instead of taking the last run's
      RuleCompilations.forget();
      EmbeddedRun.Result result = job(scan.files(), settings, run);
      job[run] = rate(out, "job     ", run, result.counter(JobCounters.LINES), result.wallTime());
      result.timeline().print(out);
      out.printf("  ratio of run %d: %.3f%n", run + 1, job[run] / baseline[run]);
      out.flush();
      busy = BusyTimeReporter.totals();
      jobWall = result.wallTime();
    }
    double b = median(baseline);
    double j = median(job);
    out.printf("median: baseline %.0f lines/s, job %.0f lines/s, job/baseline %.3f%n", b, j, j / b);
    printBusy(out, busy, jobWall);
    out.flush();
    return 0;
  }

  private double baseline(PrintWriter out, List<LogFile> files, int run) throws IOException {
    Path dir = emptied(scratch.resolve("baseline"));
    IndexBaseline.Outcome outcome = IndexBaseline.run(files, dir);
    return rate(out, "baseline", run, outcome.lines(), outcome.time());
  }

  private EmbeddedRun.Result job(List<LogFile> files, JobSettings settings, int run)
      throws Exception {
    Path dir = emptied(scratch.resolve("job"));
    Configuration metrics = new Configuration();
    metrics.setString(
        "metrics.reporter." + BusyTimeReporter.NAME + ".factory.class",
        BusyTimeReporter.Factory.class.getName());
    return new EmbeddedRun(dir, settings, metrics).run(files);
  }

  private static double rate(PrintWriter out, String what, int run, long lines, Duration time) {
    double seconds = Math.max(time.toMillis(), 1) / 1000.0;
    double rate = lines / seconds;
    out.printf(
        "%s run %d: %,d lines in %.1f s = %,.0f lines/s%n", what, run + 1, lines, seconds, rate);
    out.flush();
    return rate;
  }

  /** Each task's time in the last run, busiest first, as ms and as a share of the wall time. */
  private static void printBusy(PrintWriter out, Map<String, long[]> busy, Duration wall) {
    out.printf(
        "task time in the last run (ms summed over subtasks; %% of %.1f s wall):%n",
        wall.toMillis() / 1000.0);
    List<Map.Entry<String, long[]>> rows = new ArrayList<>(busy.entrySet());
    rows.sort((x, y) -> Long.compare(y.getValue()[0], x.getValue()[0]));
    for (Map.Entry<String, long[]> row : rows) {
      long[] ms = row.getValue();
      out.printf(
          "  busy %8d (%5.1f%%)  back-pressured %8d  idle %8d  %s%n",
          ms[0], 100.0 * ms[0] / Math.max(wall.toMillis(), 1), ms[1], ms[2], row.getKey());
    }
  }

  private JobSettings settings() throws IOException {
    JobSettings settings = JobSettings.defaults();
    if (topology != null) {
      settings = settings.withTopology(Topology.read(topology));
    }
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--parallelism must be at least 1");
      }
      settings = settings.withParallelism(parallelism);
    }
    return settings;
  }

  private static Path emptied(Path dir) throws IOException {
    FileUtils.deleteDirectory(dir.toFile());
    Files.createDirectories(dir);
    return dir;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
