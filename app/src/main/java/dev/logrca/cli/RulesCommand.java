package dev.logrca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code logrca rules}: tools for rule authors, to check rule files and test them on stories. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Check and test correlation rules.",
    subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public final class RulesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
  }
}
