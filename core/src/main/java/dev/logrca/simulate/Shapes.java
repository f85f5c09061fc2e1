package dev.logrca.simulate;

import java.util.List;
import java.util.SplittableRandom;

/** Makes the fault of a config: its scenario's fault, dressed in the config's shape. */
final class Shapes {
  private Shapes() {}

  static Fault create(
      SimulationConfig config, long start, SystemLogs logs, SplittableRandom random) {
    Scenario scenario = config.scenario();
    return switch (config.shape()) {
      case PLAIN -> plain(scenario, start, logs, random);
      case CASCADE3 -> {
        String root = pick(Cascade.roots(scenario), random);
        yield new Cascade(Faults.create(scenario, root, start, logs, random), root, logs, random);
      }
      case TWO_FAULTS -> TwoFaults.create(scenario, start, logs, random);
      case NOISY_NEIGHBOUR -> {
        Fault fault = plain(scenario, start, logs, random);
        long runStart = config.start().toEpochMilli();
        yield new NoisyNeighbour(fault, runStart, logs, random);
      }
      case WARNINGS_FIRST -> {
        String root = pick(scenario.roots(), random);
        long errorsFrom = start + WarningsFirst.MIN_LEAD_MS + random.nextInt(30_000);
        Fault fault = Faults.create(scenario, root, errorsFrom, logs, random);
        yield new WarningsFirst(fault, root, start, logs, random);
      }
    };
  }

  /** The scenario's fault in one of its roots, as the plain runs have always drawn it. */
  static Fault plain(Scenario scenario, long start, SystemLogs logs, SplittableRandom random) {
    return Faults.create(scenario, pick(scenario.roots(), random), start, logs, random);
  }

  static String pick(List<String> services, SplittableRandom random) {
    return services.isEmpty() ? null : services.get(random.nextInt(services.size()));
  }
}
