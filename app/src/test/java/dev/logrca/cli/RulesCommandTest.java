package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.rules.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logrca rules check} and {@code logrca rules test}: output lines and exit codes. */
class RulesCommandTest {
  private static final int SHIPPED_FILES = RulePack.shipped().files().size();

  @TempDir Path dir;

  private Path copy(String resource, String as) throws Exception {
    Path target = dir.resolve(as);
    Files.copy(Path.of(getClass().getResource(resource).toURI()), target);
    return target;
  }

  @Test
  void checkOnACleanFolderSaysOkWithCounts() {
    CliRun run = CliRun.of("rules", "check", dir.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).matches("OK: " + SHIPPED_FILES + " files, \\d+ rules, no problems\\R");
  }

  @Test
  void checkPrintsWarningsAndFailsOnlyWhenStrict() throws Exception {
    Path drl = copy("/rules-cli/lint_bad.drl", "lint_bad.drl");
    CliRun run = CliRun.of("rules", "check", dir.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(drl + ":20:34: warning: LogFact.signals never holds \"timout\"")
        .contains(drl + ":7:1: warning: global seen is never used")
        .containsPattern(
            "OK: " + (SHIPPED_FILES + 1) + " files, \\d+ rules, 0 errors, \\d+ warnings");
    CliRun strict = CliRun.of("rules", "check", "--strict", dir.toString());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out())
        .containsPattern("FAILED: " + (SHIPPED_FILES + 1) + " files, \\d+ rules, 0 errors");
  }

  @Test
  void checkPrintsCompilationErrorsWithTheirPositionAndFails() throws Exception {
    Path drl = copy("/broken-rules/broken.drl", "broken.drl");
    CliRun run = CliRun.of("rules", "check", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(java.util.regex.Pattern.quote(drl.toString()) + ":\\d+:\\d+: ");
    assertThat(run.out()).contains("FAILED: ");
  }

  @Test
  void checkWithoutAFolderIsAUsageError() {
    CliRun run = CliRun.of("rules", "check", dir.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains("not a folder"));
  }

  @Test
  void testRunsTheShippedScenariosByDefault() {
    CliRun run = CliRun.of("rules", "test");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS PostgreSQL shuts down and its callers are refused");
    assertThat(run.out()).containsPattern("\\d+ scenarios: \\d+ passed, 0 failed\\R$");
  }

  @Test
  void testReportsAFailingScenarioAndExitsOne() throws Exception {
    copy("/rules-cli/failing.yaml", "failing.yaml");
    CliRun run = CliRun.of("rules", "test", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(
            "FAIL payment is blamed for a database shutdown: expected payment app\\.exception,"
                + " got postgres dependency\\.down \\(0\\.\\d\\d\\)")
        .contains("1 scenarios: 0 passed, 1 failed");
  }

  @Test
  void testUsesTheFoldersRulesToo() throws Exception {
    copy("/rules-cli/journal.drl", "journal.drl");
    copy("/rules-cli/journal.yaml", "journal.yaml");
    CliRun run = CliRun.of("rules", "test", dir.toString());
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("PASS An operator's rule finds a stuck journal");
  }

  @Test
  void testNamesAnUnreadableScenarioFileWithItsLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nlines:\n  - {time: soon}\n");
    CliRun run = CliRun.of("rules", "test", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(java.util.regex.Pattern.quote(bad.toString()) + ":3:\\d+: ");
  }
}
