package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.correlate.RuleSource;
import dev.logrca.flink.session.SessionSettings;
import dev.logrca.rules.RuleCompilationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every command that runs the job takes (analyze, run) (header format, topology, rules,
 * data folder, parallelism), checked before the job starts and turned into {@link JobSettings}.
 */
final class JobOptions {
  @Option(
      names = "--format",
      paramLabel = "HEADER",
      description =
          "Header format of plain lines, logparser style, e.g. '<Date> <Time> <Level>"
              + " <Component>: <Content>'. Default: recognise JSON and common header shapes.")
  String format;

  @Option(
      names = "--topology",
      paramLabel = "FILE",
      description = "Call graph (JSON or YAML). Default: inferred from the logs.")
  Path topology;

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description =
          "Folder of *.drl files that add to or override the shipped rules. Edits take effect"
              + " while the job runs; an edit that does not compile is logged and ignored.")
  Path rules;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Where the event and incident indices go (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--challenger",
      paramLabel = "MODEL",
      description =
          "A model version of DIR/models to judge sessions in shadow beside the champion; its"
              + " disagreements are logged and counted (metric challengerDisagreements).")
  String challenger;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Parallel readers (Kafka partitions) and per-service stages (default: ${DEFAULT-VALUE}).")
  int parallelism;

  /** The job's settings, or a usage error that names the wrong option. */
  JobSettings settings(CommandLine.Model.CommandSpec spec) {
    CommandLine cli = spec.commandLine();
    if (parallelism < 1) {
      throw new CommandLine.ParameterException(cli, "--parallelism must be at least 1");
    }
    if (challenger != null && !challenger.matches("m\\d{4,}")) {
      throw new CommandLine.ParameterException(
          cli, "--challenger " + challenger + ": not a model id (ids look like m0001)");
    }
    // sessions are judged by the champion of DIR/models, looked for while the job runs
    JobSettings settings =
        JobSettings.defaults()
            .withParallelism(parallelism)
            .withSessions(
                SessionSettings.of(data.toAbsolutePath().toString()).withChallenger(challenger));
    if (format != null) {
      try {
        HeaderFormat.compile(format);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cli, "--format: " + e.getMessage());
      }
    }
    if (topology != null) {
      try {
        settings = settings.withTopology(Topology.read(topology));
      } catch (IOException e) {
        throw new CommandLine.ParameterException(
            cli, "--topology " + topology + ": " + e.getMessage());
      }
    }
    return rules == null ? settings : settings.withRules(ruleSource(cli));
  }

  private RuleSource ruleSource(CommandLine cli) {
    if (!Files.isDirectory(rules)) {
      throw new CommandLine.ParameterException(cli, "--rules " + rules + ": not a folder");
    }
    RuleSource source = new RuleSource(rules.toAbsolutePath().toString());
    try {
      source.load().compile();
    } catch (RuleCompilationException e) {
      throw new CommandLine.ParameterException(cli, e.getMessage());
    } catch (IOException e) {
      throw new CommandLine.ParameterException(cli, "--rules " + rules + ": " + e.getMessage());
    }
    return source;
  }
}
