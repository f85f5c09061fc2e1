package dev.logrca.cli;

import dev.logrca.core.topology.Topology;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.source.LogFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logrca eval rca}: analyses folders of simulator output or real runs and scores the
 * incidents against each folder's {@code truth.json} ({@link FaultTruth}): root service at 1 and 3,
 * category, detection delay, false incidents; real and simulated folders are summed apart.
 */
@Command(
    name = "rca",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse each folder (logs plus truth.json, as written by 'logrca simulate', or a real run"
          + " whose truth.json is an array of {start, end, service, kind[, service_alt]}) and"
          + " compare the incidents with the truth: one line per fault, then per group (simulated,"
          + " real) AC@1 and AC@3 of the root service, incidents opened in the fault window,"
          + " top-1 category accuracy, detection delay and false incidents."
    })
public final class EvalRcaCommand implements Callable<Integer> {
  /** When to give the job a folder's {@code topology.json}. */
  enum TopologyUse {
    USE,
    IGNORE,
    ALTERNATE
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--topology-file",
      defaultValue = "use",
      paramLabel = "MODE",
      description =
          "use: give the job each folder's topology.json; ignore: infer calls from the logs;"
              + " alternate: ignore it for every other folder (default: ${DEFAULT-VALUE}).")
  TopologyUse topologyUse;

  /** Which services a run may name beyond those it sees log. */
  enum KnownServices {
    RUN,
    SYSTEM
  }

  @Option(
      names = "--known-services",
      defaultValue = "run",
      paramLabel = "MODE",
      description =
          "run: a run knows the services that log in it; system: a run without topology.json"
              + " also knows every service that logs in any given run with the same parent folder"
              + " (a catalogue, no calls), as a job that has watched the system for days does"
              + " (default: ${DEFAULT-VALUE}).")
  KnownServices knownServices;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "eval-data",
      description =
          "Scratch folder for each run's indices, emptied before the run (default:"
              + " ${DEFAULT-VALUE}).")
  Path data;

  @Parameters(
      paramLabel = "DIR",
      arity = "1..*",
      description = "Simulator output folders or real runs (logs anywhere below, truth.json).")
  List<Path> folders;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RcaSummary simulated = new RcaSummary();
    RcaSummary real = new RcaSummary();
    Map<Path, Set<String>> catalogues = knownServices == KnownServices.SYSTEM ? catalogues() : null;
    if (catalogues != null) {
      catalogues.forEach(
          (system, services) ->
              out.println(
                  "known services of "
                      + system.getFileName()
                      + " (every service that logs in its runs): "
                      + String.join(" ", services)));
    }
    for (int i = 0; i < folders.size(); i++) {
      Path folder = folders.get(i);
      Path truthFile = folder.resolve("truth.json");
      if (!Files.isRegularFile(truthFile)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            folder + ": no truth.json (neither simulator output nor a real run)");
      }
      FaultTruth truth = readTruth(folder);
      boolean withTopology =
          topologyUse == TopologyUse.USE || (topologyUse == TopologyUse.ALTERNATE && i % 2 == 0);
      Set<String> catalogue = catalogues == null ? null : catalogues.get(systemOf(folder));
      RcaOutcome outcome = evaluate(folder, i, truth, withTopology, catalogue);
      out.println(outcome.line());
      out.flush();
      (truth.real() ? real : simulated).add(outcome);
    }
    printSummary(out, "simulated", simulated, real);
    printSummary(out, "real", real, simulated);
    out.flush();
    return 0;
  }

  private static void printSummary(
      PrintWriter out, String group, RcaSummary summary, RcaSummary other) {
    if (summary.isEmpty()) {
      return;
    }
    if (!other.isEmpty()) {
      out.println("-- " + group);
    }
    summary.print(out);
  }

  private FaultTruth readTruth(Path folder) {
    try {
      return FaultTruth.read(folder);
    } catch (IOException | RuntimeException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), folder + ": unreadable truth.json (" + e.getMessage() + ")");
    }
  }

  /** The system a run belongs to: the folder that holds it. */
  private static Path systemOf(Path folder) {
    Path parent = folder.toAbsolutePath().normalize().getParent();
    return parent == null ? folder.toAbsolutePath() : parent;
  }

  /** Per system, every service that logs in any of its given runs. */
  private Map<Path, Set<String>> catalogues() throws IOException {
    Map<Path, Set<String>> catalogues = new TreeMap<>();
    for (Path folder : folders) {
      catalogues
          .computeIfAbsent(systemOf(folder), k -> new TreeSet<>())
          .addAll(ServiceCatalogue.servicesIn(logsOf(folder)));
    }
    return catalogues;
  }

  /** The logs of a run: every file below but the truth and topology JSON documents beside them. */
  private List<LogFile> logsOf(Path folder) throws IOException {
    return InputScan.of(List.of(folder), null).files().stream()
        .filter(f -> f.path().endsWith(".log") || f.path().endsWith(".jsonl"))
        .toList();
  }

  private RcaOutcome evaluate(
      Path folder, int index, FaultTruth truth, boolean withTopology, Set<String> catalogue)
      throws Exception {
    List<LogFile> files = logsOf(folder);
    if (files.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), folder + ": no *.log or *.jsonl files");
    }
    JobSettings settings = JobSettings.defaults();
    Path topologyFile = folder.resolve("topology.json");
    if (withTopology && Files.isRegularFile(topologyFile)) {
      settings = settings.withTopology(readTopology(topologyFile));
    } else {
      withTopology = false;
      if (catalogue != null) {
        settings = settings.withTopology(ServiceCatalogue.of(catalogue));
      }
    }
    Path scratch = data.resolve(index + "-" + folder.getFileName());
    // the incidents are read back from the index over the run's time span, and every simulated run
    // covers the same hours: a former run's incidents left there would be scored as this one's
    FileUtils.deleteDirectory(scratch.toFile());
    EmbeddedRun.Result result = new EmbeddedRun(scratch, settings).run(files);
    return RcaOutcome.of(folder, truth, withTopology, result, LogSpan.of(files));
  }

  private Topology readTopology(Path file) {
    try {
      return Topology.read(file);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + ": " + e.getMessage());
    }
  }
}
