package dev.logrca.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates a small web shop (nginx gateway, Node.js frontend, Java checkout and inventory, Go
 * payment, PostgreSQL, Redis) and writes one realistic log per service, with one injected fault
 * (two for {@link Shape#TWO_FAULTS}) shown in the config's {@link Shape}. The same config always
 * gives the same bytes.
 */
public final class Simulator {
  /** The fault starts between these fractions of the run, after the system has warmed up. */
  static final double EARLIEST_FAULT = 0.55;

  static final double LATEST_FAULT = 0.70;

  private final SimulationConfig config;

  public Simulator(SimulationConfig config) {
    this.config = config;
  }

  /** Writes {@code <service>.log} files, {@code truth.json} and {@code topology.json}. */
  public SimulationResult run(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    SplittableRandom seeds = new SplittableRandom(config.seed());
    SplittableRandom faultRandom = seeds.split();
    SplittableRandom trafficRandom = seeds.split();
    long startMs = config.start().toEpochMilli();
    long seconds = config.minutes() * 60L;
    long faultStart = startMs + 1000 * (long) (seconds * pick(faultRandom));

    List<Path> files = new ArrayList<>();
    long lines;
    Fault fault;
    try (SystemLogs logs = new SystemLogs(outDir)) {
      fault = Shapes.create(config, faultStart, logs, faultRandom);
      Traffic traffic = new Traffic(logs, fault, trafficRandom);
      Noise noise = new Noise(logs, trafficRandom, startMs, fault);
      Arrivals arrivals = new Arrivals(config.ratePerSecond(), trafficRandom);
      for (long s = 0; s < seconds; s++) {
        long second = startMs + s * 1000;
        fault.tick(second);
        noise.tick(second);
        for (int offset : arrivals.next(s)) {
          traffic.serve(second + offset);
        }
        // Everything produced from now on is at or after the next second.
        logs.flushBefore(second + 1000);
      }
      logs.close();
      files.addAll(logs.files());
      lines = logs.lines();
    }
    Truth truth = new Truth(config.scenario().id(), config.seed(), fault.truths());
    Path truthFile = outDir.resolve("truth.json");
    truth.write(truthFile);
    Path topologyFile = outDir.resolve("topology.json");
    SystemLogs.topology().write(topologyFile);
    files.add(truthFile);
    files.add(topologyFile);
    return new SimulationResult(truth, files, lines);
  }

  private static double pick(SplittableRandom random) {
    return EARLIEST_FAULT + random.nextDouble() * (LATEST_FAULT - EARLIEST_FAULT);
  }
}
