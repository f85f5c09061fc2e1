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
        // on a whole second, as faults begin: their first lines are written at their start second
        long errorsFrom = start + WarningsFirst.MIN_LEAD_MS + 1000L * random.nextInt(30);
        // a release cannot warn before it is deployed: it is deployed first and fails later
        Fault fault =
            scenario == Scenario.DEPLOY_BAD_RELEASE
                ? new BadRelease(root, start, logs, random).failingFrom(errorsFrom)
                : Faults.create(scenario, root, errorsFrom, logs, random);
        yield new WarningsFirst(fault, root, start, errorsFrom, logs, random);
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
