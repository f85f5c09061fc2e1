package dev.logrca.rules.check;

import dev.logrca.rules.RuleCompilationException;
import dev.logrca.rules.RulePack;
import java.util.List;

/**
 * What {@code logrca rules check} reports about a pack: the problems that stop it compiling (each
 * {@code path:line:column: message}) and the lint warnings.
 *
 * @param files how many files the pack has
 * @param rules how many rules they hold
 * @param errors compilation problems, already formatted
 * @param warnings lint warnings
 */
public record RuleCheck(int files, int rules, List<String> errors, List<Finding> warnings) {

  /** Compiles and lints {@code pack}. */
  public static RuleCheck of(RulePack pack) {
    List<String> errors = List.of();
    int rules;
    try {
      rules = pack.compile().ruleNames().size();
    } catch (RuleCompilationException e) {
      errors = e.problems();
      rules = RuleLinter.ruleCount(pack);
    }
    return new RuleCheck(pack.files().size(), rules, errors, RuleLinter.lint(pack));
  }

  /** True when the pack compiles and, when {@code strict}, has no warnings either. */
  public boolean passes(boolean strict) {
    return errors.isEmpty() && (!strict || warnings.isEmpty());
  }
}
