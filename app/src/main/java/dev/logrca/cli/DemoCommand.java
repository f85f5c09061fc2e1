package dev.logrca.cli;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.JobCounters;
import dev.logrca.flink.JobSettings;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import dev.logrca.simulate.Truth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code logrca demo}: simulates a small system with an injected fault, analyses it on the embedded
 * default and shows the incident beside the truth.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate 10 minutes of a seven-service system with one injected fault, analyse the logs"
          + " in an embedded Flink MiniCluster, print the incidents and how to search them."
    })
public final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "dependency.down",
      description =
          "The fault to inject (default: ${DEFAULT-VALUE}); one of ${COMPLETION-CANDIDATES}.",
      completionCandidates = ScenarioNames.class)
  String scenario;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Where the logs and indices go (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Scenario chosen = scenario();
    Path logs = data.resolve("demo").resolve("logs");
    out.printf(
        "Simulating %d minutes of a small microservice system with an injected fault (%s, seed"
            + " %d) into %s ...%n",
        SimulationConfig.DEFAULT_MINUTES, chosen.id(), seed, logs);
    out.flush();
    SimulationResult sim = new Simulator(SimulationConfig.of(chosen, seed)).run(logs);
    out.printf("  wrote %,d lines in %d files%n", sim.lines(), sim.logFiles().size());
    out.printf("Analysing them on an embedded Flink MiniCluster ...%n%n");
    out.flush();

    JobSettings settings =
        JobSettings.defaults().withTopology(Topology.read(logs.resolve("topology.json")));
    EmbeddedRun.Result result =
        new EmbeddedRun(data, settings).run(InputScan.of(sim.logFiles(), null).files());
    new IncidentReport(out).print(result.incidents());
    printVerdict(out, sim.truth(), result.incidents());
    out.printf(
        "%nAnalysed %,d lines in %.1f s. Search what was found (indices in %s):%n",
        result.counter(JobCounters.LINES),
        result.wallTime().toMillis() / 1000.0,
        data.toAbsolutePath().normalize());
    out.printf("  ./logrca search --data %s --incidents '*'%n", data);
    out.printf("  ./logrca search --data %s '%sNOT level:info'%n", data, rootClause(sim));
    out.printf("  ./logrca search --data %s --events 'message:refused OR message:timeout'%n", data);
    out.flush();
    return 0;
  }

  private Scenario scenario() {
    try {
      return Scenario.fromId(scenario);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** {@code service:ROOT AND } for a run with a fault, nothing for a fault-free one. */
  private static String rootClause(SimulationResult sim) {
    return sim.truth().faults().isEmpty()
        ? ""
        : "service:" + sim.truth().faults().get(0).service() + " AND ";
  }

  private static void printVerdict(PrintWriter out, Truth truth, List<Incident> incidents) {
    if (truth.faults().isEmpty()) {
      out.printf("Injected: no fault. Incidents reported: %d.%n", incidents.size());
      return;
    }
    Truth.Fault fault = truth.faults().get(0);
    Optional<RootCause> found =
        incidents.stream()
            .filter(i -> i.end() >= fault.start().toEpochMilli() - 30_000)
            .min(Comparator.comparingLong(Incident::start))
            .flatMap(i -> i.rootCauses().stream().findFirst());
    out.printf(
        "Injected: %s %s at %s. logrca's top root cause: %s%n",
        fault.service(),
        fault.category(),
        fault.start(),
        found.map(c -> c.service() + " " + c.category()).orElse("none"));
    boolean right =
        found.isPresent()
            && found.get().service().equals(fault.service())
            && found.get().category().equals(fault.category());
    out.println(right ? "  -> found the injected fault." : "  -> did NOT find the injected fault.");
  }

  /** The scenario names, for help and completion. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenario.ids().iterator();
    }
  }
}
