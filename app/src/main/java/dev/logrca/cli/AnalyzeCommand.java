package dev.logrca.cli;

import dev.logrca.core.model.IncidentJson;
import dev.logrca.flink.JobCounters;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.source.FollowSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code logrca analyze}: runs the job over files and folders and prints the incidents. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse log files and folders in an embedded Flink MiniCluster, index every line and"
          + " every incident under --data, and print the incidents with their ranked root causes."
    })
public final class AnalyzeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin JobOptions job;

  @Option(names = "--json", description = "One JSON object per incident per line.")
  boolean json;

  @Option(
      names = "--follow",
      description =
          "Keep running: read lines as they are appended to the files and new files that appear"
              + " in the folders, print each incident when it is first reported and when its"
              + " likeliest cause changes, until Ctrl-C or SIGTERM; then finish and print the"
              + " incidents and the summary.")
  boolean follow;

  @Option(
      names = "--serve",
      arity = "0..1",
      fallbackValue = "127.0.0.1:8080",
      paramLabel = "HOST:PORT",
      description =
          "Also serve the console and JSON API (as logrca serve) while the job runs, and after a"
              + " finite run until Ctrl-C; default address 127.0.0.1:8080. Write --serve=ADDR or"
              + " put it after the paths.")
  String serve;

  @CommandLine.Mixin ConsoleOptions console;

  /** Completed with the console's address once it listens (with --serve); for tests. */
  final CompletableFuture<java.net.URI> listening = new CompletableFuture<>();

  /** Completing it stops a followed run; set by tests, else Ctrl-C and SIGTERM complete it. */
  CompletableFuture<Void> stopRequest;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JobSettings settings = job.settings(spec);
    paths = new java.util.ArrayList<>(paths);
    String bind = ConsoleOptions.serveAddress(serve, paths);
    try (ConsoleOptions.Console running =
        console.startIfAsked(
            spec.commandLine(), job.data, bind, settings.topology(), err, listening)) {
      analyse(out, err, settings);
      if (running != null && !follow) {
        err.printf("console still at %s; Ctrl-C stops%n", running.uri());
        err.flush();
        stopFuture(err).join();
      }
    }
    return 0;
  }

  private void analyse(PrintWriter out, PrintWriter err, JobSettings settings) throws Exception {
    InputScan scan = InputScan.of(paths, job.format);
    scan.problems().forEach(err::println);
    if (scan.files().isEmpty() && !(follow && !scan.folders().isEmpty())) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no readable log file given");
    }
    EmbeddedRun.Result result =
        follow
            ? follow(out, err, settings, scan)
            : new EmbeddedRun(job.data, settings).run(scan.files());
    if (json) {
      result.incidents().forEach(i -> out.println(IncidentJson.write(i)));
    } else {
      new IncidentReport(out).print(result.incidents());
    }
    out.flush();
    printSummary(err, scan, result);
  }

  private CompletableFuture<Void> stopFuture(PrintWriter err) {
    if (stopRequest == null) {
      stopRequest = new CompletableFuture<>();
      StopSignals.install(stopRequest, err);
    }
    return stopRequest;
  }

  /** Runs the job over growing files until it is asked to stop. */
  private EmbeddedRun.Result follow(
      PrintWriter out, PrintWriter err, JobSettings settings, InputScan scan) throws Exception {
    CompletableFuture<Void> stop = stopFuture(err);
    err.printf(
        "following %d files and %d folders; Ctrl-C stops%n",
        scan.files().size(), scan.folders().size());
    err.flush();
    EmbeddedRun.Result result =
        new EmbeddedRun(job.data, settings)
            .follow(
                scan.files(),
                scan.folders(),
                FollowSettings.defaults(settings.outOfOrderness()),
                stop,
                new IncidentFeed(out, json));
    if (!json) {
      // with --json the final state follows as more lines: the last line of an id is final
      out.println();
      out.println("Final state of the incidents:");
    }
    return result;
  }

  private void printSummary(PrintWriter err, InputScan scan, EmbeddedRun.Result result) {
    long lines = result.counter(JobCounters.LINES);
    double seconds = Math.max(result.wallTime().toMillis(), 1) / 1000.0;
    err.printf(
        "analysed %d lines from %d files in %.1f s (%.0f lines/s); %d kept as raw text,"
            + " %d arrived too late to count, %d paths skipped; %d incidents; indices in %s%n",
        lines,
        scan.files().size(),
        seconds,
        lines / seconds,
        result.counter(JobCounters.KEPT_RAW),
        result.counter(JobCounters.LATE),
        scan.problems().size(),
        result.incidents().size(),
        job.data.toAbsolutePath().normalize());
    long reloaded = result.counter(JobCounters.RULES_RELOADED);
    long rejected = result.counter(JobCounters.RULES_REJECTED);
    if (reloaded + rejected > 0) {
      // edits to --rules while the job ran: rejected ones were logged with path:line:column
      err.printf(
          "rules changed while running: %d reloads, %d edits rejected%n", reloaded, rejected);
    }
    err.flush();
  }
}
