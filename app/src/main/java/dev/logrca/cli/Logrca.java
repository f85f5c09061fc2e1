package dev.logrca.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code logrca} command: analyse logs, search what was found, explain an incident, parse logs
 * into templates, simulate a system, check and test rules.
 */
@Command(
    name = "logrca",
    mixinStandardHelpOptions = true,
    version = "logrca 0.1.0",
    description =
        "Log-based root-cause analysis: finds what broke first, where, and the lines that prove it.",
    subcommands = {
      DemoCommand.class,
      AnalyzeCommand.class,
      RunCommand.class,
      SearchCommand.class,
      ExplainCommand.class,
      ServeCommand.class,
      LoadCommand.class,
      ParseCommand.class,
      SimulateCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      KafkaBenchCommand.class,
      SearchBenchCommand.class,
      RulesCommand.class,
      ModelCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Logrca implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }

  /** The command line, with usage errors reported in one line and exit code 2. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Logrca());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(Logrca::usageError);
    cli.setExecutionExceptionHandler(Logrca::failure);
    return cli;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    PrintWriter err = cli.getErr();
    err.println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more.");
    err.flush();
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** A failure while running: one line for the person, the stack trace on request. */
  private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    err.println(cli.getCommandSpec().qualifiedName() + ": failed: " + root);
    if (System.getenv("LOGRCA_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("Set LOGRCA_DEBUG=1 to see the stack trace.");
    }
    err.flush();
    return 1;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
