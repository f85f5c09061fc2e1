package dev.logrca.cli;

import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import dev.logrca.simulate.Truth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code logrca simulate}: writes the logs of a simulated web shop with one injected fault, plus
 * {@code truth.json} and {@code topology.json}, for the demo, end-to-end tests and benchmarks.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes one log per service of a simulated web shop (nginx gateway, Node.js frontend, Java"
          + " checkout and inventory, Go payment, PostgreSQL, Redis) with one injected fault,"
          + " plus truth.json (what was injected) and topology.json (who calls whom).",
      "The same seed always writes the same bytes."
    })
public final class SimulateCommand implements Callable<Integer> {

  /** The scenario names, for picocli's help and completion. */
  public static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenario.ids().iterator();
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "NAME",
      completionCandidates = ScenarioNames.class,
      description = "The fault to inject: ${COMPLETION-CANDIDATES}.")
  String scenario;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for <service>.log, truth.json and topology.json (created if missing).")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Seed; the same seed writes the same bytes (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--minutes",
      defaultValue = "10",
      paramLabel = "M",
      description = "Simulated minutes, 1 to 1440 (default: ${DEFAULT-VALUE}).")
  int minutes;

  @Option(
      names = "--rate",
      defaultValue = "6",
      paramLabel = "R",
      description =
          "Mean requests per second at the gateway, about 6-7 log lines each"
              + " (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--start",
      defaultValue = "2026-11-27T10:00:00Z",
      paramLabel = "ISO",
      description = "Event time of the first line, ISO-8601 (default: ${DEFAULT-VALUE}).")
  String start;

  @Override
  public Integer call() throws Exception {
    SimulationConfig config = config();
    SimulationResult result = new Simulator(config).run(out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(summary(config, result));
    stdout.flush();
    return 0;
  }

  private SimulationConfig config() {
    Scenario chosen;
    try {
      chosen = Scenario.fromId(scenario);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--scenario: " + e.getMessage());
    }
    Instant first;
    try {
      first = Instant.parse(start);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--start: '" + start + "' is not an ISO-8601 instant such as 2026-11-27T10:00:00Z");
    }
    try {
      return new SimulationConfig(chosen, seed, first, minutes, rate);
    } catch (IllegalArgumentException e) {
      String option = e.getMessage().startsWith("minutes") ? "--minutes" : "--rate";
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  private String summary(SimulationConfig config, SimulationResult result) {
    String logs =
        result.files().stream()
            .map(file -> file.getFileName().toString())
            .filter(name -> name.endsWith(".log"))
            .collect(Collectors.joining(", "));
    Truth truth = result.truth();
    String fault =
        truth.faults().isEmpty()
            ? "No fault was injected (scenario none)."
            : truth.faults().stream()
                .map(f -> "Fault: " + f.category() + " in " + f.service() + " from " + f.start())
                .collect(Collectors.joining("; ", "", "."));
    return String.format(
        Locale.ROOT,
        "Wrote %,d log lines to %s (%s) plus truth.json and topology.json, covering %d"
            + " simulated minutes from %s at %.1f requests/s (seed %d). %s",
        result.lines(),
        out,
        logs,
        config.minutes(),
        config.start(),
        config.ratePerSecond(),
        config.seed(),
        fault);
  }
}
