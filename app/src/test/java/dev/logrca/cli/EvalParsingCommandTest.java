package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.template.ParsingEvaluator;
import dev.logrca.core.template.loghub.LoghubScore;
import dev.logrca.core.template.loghub.StructuredCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalParsingCommandTest {
  @TempDir Path dir;

  /**
   * Parses {@code system}'s raw log with {@code logrca parse}, and scores that CSV with the truth
   * grouped as given.
   */
  private ParsingEvaluator.Score scoreOfParsedCsv(
      String system, String format, LoghubScore.TruthGroups groups) throws IOException {
    Path csv = dir.resolve(system + ".csv");
    CliRun parse =
        CliRun.of(
            "parse",
            "--format",
            format,
            LoghubSample.log(system).toString(),
            "--out",
            csv.toString());
    assertThat(parse.exitCode()).as(parse.err()).isZero();
    return LoghubScore.of(
        StructuredCsv.read(csv), StructuredCsv.read(LoghubSample.truth(system)), groups);
  }

  @Test
  void printsOneRowPerSystemThatAgreesWithTheParsedCsvRescored() throws IOException {
    CliRun run =
        CliRun.of(
            "eval",
            "parsing",
            LoghubSample.folder("Spark").toString(),
            LoghubSample.folder("Linux").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    String linuxFormat = "<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>";
    ParsingEvaluator.Score spark =
        scoreOfParsedCsv("Spark", LoghubSample.SPARK_FORMAT, LoghubScore.TruthGroups.TEMPLATE);
    ParsingEvaluator.Score linux =
        scoreOfParsedCsv("Linux", linuxFormat, LoghubScore.TruthGroups.TEMPLATE);
    double sparkById =
        scoreOfParsedCsv("Spark", LoghubSample.SPARK_FORMAT, LoghubScore.TruthGroups.EVENT_ID)
            .groupingAccuracy();
    double linuxById =
        scoreOfParsedCsv("Linux", linuxFormat, LoghubScore.TruthGroups.EVENT_ID).groupingAccuracy();
    StringWriter expected = new StringWriter();
    ParsingTable table = new ParsingTable(new PrintWriter(expected));
    table.printHeader();
    table.printRow("Spark", spark, sparkById, 300);
    table.printRow("Linux", linux, linuxById, 300);
    table.printAverage();
    assertThat(run.out()).isEqualTo(expected.toString());
    // what does not depend on the miner: the truth's group counts and the line counts
    List<String> rows = run.out().lines().toList();
    assertThat(rows.get(1)).startsWith("Spark").endsWith("    33     300");
    assertThat(rows.get(2)).startsWith("Linux").endsWith("    12     300");
    assertThat(rows.get(3)).startsWith("average");
    assertThat(spark.groupingAccuracy()).isBetween(0.5, 1.0);
  }

  @Test
  void filesAmongTheFoldersAreSkippedAsAShellGlobNamesThem() {
    CliRun run =
        CliRun.of(
            "eval",
            "parsing",
            LoghubSample.root().resolve("formats.json").toString(),
            LoghubSample.folder("Spark").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("formats.json: skipped");
    assertThat(run.out().lines()).hasSize(3);
  }

  private Path copyOfSpark(boolean withTruth) throws IOException {
    Path system = Files.createDirectories(dir.resolve("bench").resolve("Spark"));
    Files.copy(LoghubSample.log("Spark"), system.resolve("Spark_300.log"));
    if (withTruth) {
      Files.copy(LoghubSample.truth("Spark"), system.resolve("Spark_300.log_structured.csv"));
    }
    return system;
  }

  @Test
  void aGivenFormatComesBeforeFormatsJson() throws IOException {
    Path system = copyOfSpark(true);
    Files.writeString(system.resolveSibling("formats.json"), "{\"Spark\": \"<Date> (<Content>\"}");

    CliRun broken = CliRun.of("eval", "parsing", system.toString());
    CliRun given =
        CliRun.of("eval", "parsing", "--format", LoghubSample.SPARK_FORMAT, system.toString());

    assertUsage(broken, "Spark in formats.json");
    assertThat(given.exitCode()).as(given.err()).isZero();
  }

  @Test
  void aFolderWithoutItsTruthIsAUsageErrorNamingTheFile() throws IOException {
    Path system = copyOfSpark(false);

    assertUsage(
        CliRun.of("eval", "parsing", "--format", "<Content>", system.toString()),
        "no Spark_300.log_structured.csv");
  }

  @Test
  void aFolderWithoutAFormatIsAUsageError() throws IOException {
    Path system = copyOfSpark(true);

    assertUsage(CliRun.of("eval", "parsing", system.toString()), "no header format");
  }

  @Test
  void usageErrors() {
    assertUsage(CliRun.of("eval", "parsing"), "DIR");
    assertUsage(CliRun.of("eval", "parsing", dir.resolve("nope").toString()), "not a folder");
    CliRun help = CliRun.of("eval", "parsing", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("Usage: logrca eval parsing");
  }

  private static void assertUsage(CliRun run, String reason) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains(reason));
    assertThat(run.out()).isEmpty();
  }
}
