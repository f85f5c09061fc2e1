package dev.logrca.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} folder that every {@code model} subcommand reads, declared once. */
final class DataFolder {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Data folder (default: ./data).")
  Path path;
}
