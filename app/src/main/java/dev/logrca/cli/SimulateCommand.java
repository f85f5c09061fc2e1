package dev.logrca.cli;

import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.Shape;
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
      "The same seed always writes the same bytes.",
      "Shapes: plain (the fault as its scenario writes it); cascade3 (the root is postgres, redis"
          + " or payment, two hops below the edge, and the service in between throws misleading"
          + " exceptions of its own); two-faults (a second fault of another category in another"
          + " service 45-120 s later; truth.json lists both); noisy-neighbour (an unrelated"
          + " service logs errors all run long, also with --scenario none); warnings-first (the"
          + " root only warns for 40-70 s before its first error; the truth's start is the first"
          + " warning)."
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

  /** The shape names, for picocli's help and completion. */
  public static final class ShapeNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Shape.ids().iterator();
    }
  }

  @Option(
      names = "--shape",
      defaultValue = "plain",
      paramLabel = "SHAPE",
      completionCandidates = ShapeNames.class,
      description = "How the fault shows itself: ${COMPLETION-CANDIDATES} (default: plain).")
  String shape;

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
    Shape chosenShape;
    try {
      chosenShape = Shape.fromId(shape);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--shape: " + e.getMessage());
    }
    try {
      return new SimulationConfig(chosen, seed, first, minutes, rate, chosenShape);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      String option =
          message.startsWith("minutes")
              ? "--minutes"
              : message.startsWith("rate") ? "--rate" : "--shape";
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
            + " simulated minutes from %s at %.1f requests/s (seed %d, shape %s). %s",
        result.lines(),
        out,
        logs,
        config.minutes(),
        config.start(),
        config.ratePerSecond(),
        config.seed(),
        config.shape(),
        fault);
  }
}
