package dev.logrca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code logrca eval}: measures how well the engine does on logs whose truth is known. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure the engine against labelled runs (rca), benchmark logs (parsing) and labelled sessions (anomaly).",
    subcommands = {EvalRcaCommand.class, EvalParsingCommand.class, EvalAnomalyCommand.class})
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
