package dev.logrca.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.rules.RulePack;
import dev.logrca.rules.signature.Signatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linter on the shipped pack (clean) and on files with every kind of mistake it knows. */
class RuleLinterTest {
  @TempDir Path dir;

  private List<String> lint(String resource) throws Exception {
    Path drl = dir.resolve("extra.drl");
    Files.copy(Path.of(getClass().getResource(resource).toURI()), drl);
    return RuleLinter.lint(RulePack.load(RulePack.shipped(), dir)).stream()
        .map(Finding::toString)
        .map(s -> s.substring(dir.toString().length() + 1))
        .toList();
  }

  @Test
  void theShippedPackHasNoWarnings() {
    assertThat(RuleLinter.lint(RulePack.shipped())).isEmpty();
  }

  @Test
  void constantsAFieldNeverHoldsAreNamedWhereTheyAre() throws Exception {
    List<String> warnings = lint("lint_bad.drl.txt");
    assertThat(warnings)
        // every signal the signatures can set, as the fact model lists them
        .contains(
            "extra.drl:20:34: warning: LogFact.signals never holds \"timout\" (it holds one of: "
                + String.join(", ", new TreeSet<>(Signatures.names()))
                + ")")
        .anyMatch(
            w -> w.startsWith("extra.drl:20:53: warning: LogFact.level never holds \"WARNING\""))
        .anyMatch(
            w -> w.startsWith("extra.drl:21:29: warning: AnomalyFact.kind never holds \"SURGE\""))
        // through a variable bound to another pattern
        .anyMatch(
            w -> w.startsWith("extra.drl:22:51: warning: AnomalyFact.kind never holds \"BURST\""))
        .noneMatch(w -> w.contains("\"ERROR_SURGE\""))
        // the signatures of a line the rules found recurring
        .anyMatch(
            w ->
                w.startsWith(
                    "extra.drl:45:31: warning: Recurring.signals never holds \"overlaod\""))
        // what a latency shift times
        .contains(
            "extra.drl:53:55: warning: AnomalyFact.timed never holds \"statment\" (it holds one"
                + " of: request, statement)");
  }

  @Test
  void countingLineFactsInsteadOfSummingTheirRepeatsIsFlagged() throws Exception {
    assertThat(lint("lint_bad.drl.txt"))
        .contains(
            "extra.drl:62:3: warning: rule \"Counts facts where it means lines\" counts LogFact"
                + " facts, but one fact stands for the lines of a second that rules cannot tell"
                + " apart: bind $r : repeats and use sum( $r )");
  }

  @Test
  void aConclusionOutsideTheCategoriesIsFlagged() throws Exception {
    assertThat(lint("lint_bad.drl.txt"))
        .anyMatch(
            w ->
                w.startsWith(
                    "extra.drl:24:60: warning: rule \"Typos in constants\" concludes category"
                        + " \"app.crash\""));
  }

  @Test
  void patternsOnTypesNothingInsertsAreFlagged() throws Exception {
    assertThat(lint("lint_bad.drl.txt"))
        .anyMatch(
            w ->
                w.startsWith(
                    "extra.drl:30:3: warning: rule \"Waits for a marker nobody inserts\" can never"
                        + " fire: nothing inserts Marker"))
        .anyMatch(w -> w.startsWith("extra.drl:31:7: warning: this condition always holds"))
        .contains(
            "extra.drl:37:3: warning: rule \"Listens on an entry point nobody feeds\" can never"
                + " fire: the engine inserts every fact into the default entry point, not"
                + " \"audit\"");
  }

  @Test
  void unusedDeclarationsAreFlaggedAndCommentsAreNoUse() throws Exception {
    assertThat(lint("lint_bad.drl.txt"))
        .contains(
            "extra.drl:6:1: warning: import dev.logrca.rules.fact.Calls is never used",
            "extra.drl:7:1: warning: global seen is never used",
            "extra.drl:9:9: warning: declared type Unused is never used",
            "extra.drl:20:64: warning: $s is bound but never used in rule \"Typos in constants\"",
            "extra.drl:30:11: warning: $m is bound but never used in rule \"Waits for a marker"
                + " nobody inserts\"")
        .noneMatch(w -> w.contains("$l is bound") || w.contains("$a is bound"))
        .noneMatch(w -> w.contains("import dev.logrca.rules.fact.LogFact"))
        .noneMatch(w -> w.contains("type Marker is never used"));
  }

  @Test
  void aTypeOneRuleInsertsAndAnEnumConstantThatExistsAreFine() throws Exception {
    assertThat(lint("lint_clean.drl.txt")).isEmpty();
  }

  @Test
  void checkCompilesAndCountsTheRules() throws Exception {
    Files.copy(
        Path.of(getClass().getResource("lint_clean.drl.txt").toURI()), dir.resolve("extra.drl"));
    RuleCheck check = RuleCheck.of(RulePack.load(RulePack.shipped(), dir));
    RuleCheck shipped = RuleCheck.of(RulePack.shipped());
    assertThat(check.errors()).isEmpty();
    assertThat(check.rules()).isEqualTo(shipped.rules() + 2);
    assertThat(check.files()).isEqualTo(shipped.files() + 1);
    assertThat(check.passes(true)).isTrue();
  }

  @Test
  void aPackThatDoesNotCompileFailsWithItsPositions() throws Exception {
    Files.copy(
        Path.of(getClass().getResource("../broken/unknown_field.drl.txt").toURI()),
        dir.resolve("broken.drl"));
    RuleCheck check = RuleCheck.of(RulePack.load(RulePack.shipped(), dir));
    assertThat(check.errors()).anyMatch(e -> e.startsWith(dir.resolve("broken.drl") + ":7:"));
    assertThat(check.passes(false)).isFalse();
  }
}
