package dev.logrca.cli;

import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RuleCompilationException;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.scenario.ScenarioSuite;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code logrca rules test [DIR]}: plays scenario files through the correlation engine and checks
 * each one's top root cause; DIR's {@code *.drl} files join the shipped rules.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run the scenario files (*.yaml, *.yml, *.json) in DIR, or the shipped scenarios without"
          + " DIR, through the correlation engine on the shipped rules plus DIR's *.drl files."
          + " Prints PASS or FAIL per scenario and a total; exits 1 when any fails."
    })
public final class RulesTestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description = "Folder of scenario files and, optionally, *.drl files.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(spec.commandLine(), dir + ": not a folder");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<ScenarioSuite.SourceFile> files =
        dir == null ? ScenarioSuite.shippedFiles() : ScenarioSuite.filesIn(dir);
    if (files.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), dir + ": no scenario files (*.yaml, *.yml, *.json)");
    }
    RulePack pack = dir == null ? RulePack.shipped() : RulePack.load(RulePack.shipped(), dir);
    CompiledRules rules;
    try {
      rules = pack.compile();
    } catch (RuleCompilationException e) {
      e.problems().forEach(out::println);
      out.println("FAILED: the rules do not compile");
      out.flush();
      return 1;
    }
    ScenarioSuite suite =
        ScenarioSuite.run(
            rules,
            files,
            result -> {
              out.println(result.line());
              out.flush();
            });
    suite.fileErrors().forEach(out::println);
    out.println(suite.summary());
    out.flush();
    return suite.passed() ? 0 : 1;
  }
}
