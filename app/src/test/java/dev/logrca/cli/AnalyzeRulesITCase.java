package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logrca analyze --rules DIR} over finite files: the operator's rule concludes, and the run
 * ends with its input although the job keeps watching the folder while it runs.
 */
class AnalyzeRulesITCase {
  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void anOperatorsRuleConcludesAndTheRunEnds() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    try (InputStream in = getClass().getResourceAsStream("/reload/ledger_one_rule.drl")) {
      Files.copy(in, rules.resolve("ledger.drl"));
    }
    StringBuilder log = new StringBuilder();
    for (int s = 0; s < 30; s++) {
      log.append(String.format("2026-11-27 10:00:%02d,000 INFO posting accepted%n", s));
    }
    log.append("2026-11-27 10:00:30,000 ERROR journal stuck at offset 42\n");
    for (int s = 31; s < 60; s++) {
      log.append(String.format("2026-11-27 10:00:%02d,000 INFO posting accepted%n", s));
    }
    Path file = Files.writeString(dir.resolve("ledger.log"), log);

    CliRun run =
        CliRun.of(
            "analyze",
            "--json",
            "--rules",
            rules.toString(),
            "--data",
            dir.resolve("data").toString(),
            file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("The ledger reports its journal is stuck");
  }
}
