package dev.logrca.simulate;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced: the truth it wrote, every file it wrote (logs, {@code truth.json}, {@code
 * topology.json}) and the number of log lines (a stack trace counts one per line).
 */
public record SimulationResult(Truth truth, List<Path> files, long lines) {
  public SimulationResult {
    files = List.copyOf(files);
  }

  /** The log files alone, one per service: what an analysis reads. */
  public List<Path> logFiles() {
    return files.stream().filter(f -> f.getFileName().toString().endsWith(".log")).toList();
  }
}
