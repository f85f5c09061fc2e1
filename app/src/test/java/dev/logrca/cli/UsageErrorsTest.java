package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit with code 2 and a one-line reason, before any job starts. */
class UsageErrorsTest {
  @TempDir Path dir;

  private static void assertUsageError(CliRun run, String reason) {
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains(reason));
    assertThat(run.out()).isEmpty();
  }

  @Test
  void noSubcommand() {
    assertUsageError(CliRun.of(), "a subcommand is required");
  }

  @Test
  void unknownSubcommand() {
    assertUsageError(CliRun.of("analyse-this"), "analyse-this");
  }

  @Test
  void analyzeWithoutPaths() {
    assertUsageError(CliRun.of("analyze"), "PATH");
  }

  @Test
  void analyzeWithNothingReadable() {
    CliRun run = CliRun.of("analyze", "--data", dir.toString(), dir.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope: no such file or directory", "no readable log file given");
  }

  @Test
  void aTopologyFileThatIsNotOne() throws Exception {
    Path topology = Files.writeString(dir.resolve("topology.json"), "{\"calls\": 3}");
    Path log = Files.writeString(dir.resolve("a.log"), "x\n");
    assertUsageError(
        CliRun.of("analyze", "--topology", topology.toString(), log.toString()), "--topology");
  }

  @Test
  void aBadHeaderFormat() throws Exception {
    Path log = Files.writeString(dir.resolve("a.log"), "x\n");
    assertUsageError(
        CliRun.of("analyze", "--format", "<Date> (<Content>", log.toString()), "--format");
  }

  @Test
  void parseWithoutAFile() {
    assertUsageError(CliRun.of("parse"), "FILE");
  }

  @Test
  void evalParsingOfAFolderWithoutALog() {
    assertUsageError(CliRun.of("eval", "parsing", dir.toString()), "no *.log file");
  }

  @Test
  void aBrokenRuleFileIsNamedWithLineAndColumn() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.copy(
        Path.of(getClass().getResource("/broken-rules/broken.drl").toURI()),
        rules.resolve("broken.drl"));
    Path log = Files.writeString(dir.resolve("a.log"), "x\n");
    CliRun run = CliRun.of("analyze", "--rules", rules.toString(), log.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).containsPattern("broken\\.drl:\\d+:\\d+");
  }

  @Test
  void aCheckpointIntervalBelowOneSecond() {
    assertUsageError(
        CliRun.of("run", "--checkpoint-interval", "0", dir.toString()),
        "--checkpoint-interval must be at least 1 second");
    assertUsageError(
        CliRun.of("bench-kafka", "--kafka", "localhost:1", "--runs", "0", dir.toString()),
        "--runs at least 1");
    assertUsageError(
        CliRun.of("bench-kafka", "--kafka", "localhost:1", "--idleness", "0", dir.toString()),
        "--idleness and --runs at least 1");
  }

  @Test
  void helpIsEverywhere() {
    String[] commands = {
      "demo",
      "analyze",
      "search",
      "explain",
      "parse",
      "simulate",
      "rules",
      "rules check",
      "rules test"
    };
    for (String command : commands) {
      CliRun run = CliRun.of((command + " --help").split(" "));
      assertThat(run.exitCode()).as(command).isZero();
      assertThat(run.out()).as(command).contains("Usage: logrca " + command);
    }
  }
}
