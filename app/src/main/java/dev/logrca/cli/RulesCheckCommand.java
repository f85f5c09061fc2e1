package dev.logrca.cli;

import dev.logrca.rules.RulePack;
import dev.logrca.rules.check.RuleCheck;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logrca rules check DIR}: compiles the shipped rules with a folder's {@code *.drl} files
 * (which add to or replace shipped files of the same name) and lints them.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compile the shipped rules plus DIR's *.drl files (same file names replace shipped ones) and"
          + " lint them. Prints each problem as path:line:column: message; exits 1 when the rules"
          + " do not compile (or, with --strict, when there are warnings)."
    })
public final class RulesCheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Parameters(paramLabel = "DIR", description = "Folder of *.drl files.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), dir + ": not a folder");
    }
    RuleCheck check = RuleCheck.of(RulePack.load(RulePack.shipped(), dir));
    PrintWriter out = spec.commandLine().getOut();
    check.errors().forEach(out::println);
    check.warnings().forEach(out::println);
    String counts = check.files() + " files, " + check.rules() + " rules";
    if (check.errors().isEmpty() && check.warnings().isEmpty()) {
      out.println("OK: " + counts + ", no problems");
    } else {
      out.println(
          (check.passes(strict) ? "OK: " : "FAILED: ")
              + counts
              + ", "
              + check.errors().size()
              + " errors, "
              + check.warnings().size()
              + " warnings");
    }
    out.flush();
    return check.passes(strict) ? 0 : 1;
  }
}
