package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private static final String LINUX_FORMAT =
      "<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>";

  @TempDir Path dir;

  /** The truth's columns but the event, with Loghub's float PIDs (19939.0) read as written. */
  private static List<String> headerAndContent(List<String> record) {
    return record.subList(0, record.size() - 2).stream()
        .map(f -> f.matches("\\d+\\.0") ? f.substring(0, f.length() - 2) : f)
        .toList();
  }

  private void assertColumnsAsTheTruth(String system, String format) throws Exception {
    Path csv = dir.resolve(system + ".csv");

    CliRun run =
        CliRun.of(
            "parse",
            "--format",
            format,
            LoghubSample.log(system).toString(),
            "--out",
            csv.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("parsed 300 lines", "0 lines did not match");
    List<List<String>> written = LoghubSample.records(csv);
    List<List<String>> truth = LoghubSample.records(LoghubSample.truth(system));
    assertThat(written.get(0)).isEqualTo(truth.get(0));
    assertThat(written).hasSameSizeAs(truth);
    for (int row = 1; row < truth.size(); row++) {
      assertThat(headerAndContent(written.get(row)))
          .as("row %d", row)
          .isEqualTo(headerAndContent(truth.get(row)));
      assertThat(written.get(row).get(written.get(row).size() - 2)).startsWith("E");
    }
  }

  @Test
  void writesTheLoghubColumnsOfEverySparkLine() throws Exception {
    assertColumnsAsTheTruth("Spark", LoghubSample.SPARK_FORMAT);
  }

  @Test
  void writesTheLoghubColumnsOfEveryLinuxLineWithAnAbsentPidEmpty() throws Exception {
    assertColumnsAsTheTruth("Linux", LINUX_FORMAT);
  }

  @Test
  void quotesContentAsTheLoghubFileDoes() throws Exception {
    Path csv = dir.resolve("spark.csv");
    CliRun.of(
        "parse",
        "--format",
        LoghubSample.SPARK_FORMAT,
        LoghubSample.log("Spark").toString(),
        "--out",
        csv.toString());

    // the text of each row up to its Content is the truth's, quotes and all
    List<String> written = Files.readAllLines(csv);
    List<String> truth = Files.readAllLines(LoghubSample.truth("Spark"));
    List<List<String>> records = LoghubSample.records(csv);
    for (int row = 1; row < truth.size(); row++) {
      List<String> record = records.get(row);
      String event = "," + record.get(record.size() - 2) + ",";
      String prefix = written.get(row).substring(0, written.get(row).lastIndexOf(event));
      assertThat(truth.get(row)).as("row %d", row).startsWith(prefix + ",E");
    }
    assertThat(truth.stream().filter(l -> l.contains("\""))).isNotEmpty();
  }

  @Test
  void linesTheFormatDoesNotMatchAreWrittenWholeAndCounted() throws Exception {
    Path log =
        Files.write(
            dir.resolve("app.log"),
            List.of(
                "17/06/09 20:10:40 INFO spark.SecurityManager: Changing view acls to: yarn,curi",
                "java.lang.IllegalStateException: boom, said \"x\"",
                "\tat org.apache.spark.Foo.bar(Foo.scala:12)"));
    Path csv = dir.resolve("app.csv");

    CliRun run =
        CliRun.of(
            "parse",
            "--format",
            LoghubSample.SPARK_FORMAT,
            log.toString(),
            "--out",
            csv.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("parsed 3 lines", "2 lines did not match the header format");
    List<List<String>> records = LoghubSample.records(csv);
    assertThat(records.get(2).subList(0, 6))
        .containsExactly("2", "", "", "", "", "java.lang.IllegalStateException: boom, said \"x\"");
    assertThat(records.get(3).get(5)).isEqualTo("\tat org.apache.spark.Foo.bar(Foo.scala:12)");
  }

  @Test
  void withoutOutItPrintsTheCountsAndTheTopTemplates() {
    CliRun run =
        CliRun.of(
            "parse",
            "--format",
            LoghubSample.SPARK_FORMAT,
            "--top",
            "3",
            LoghubSample.log("Spark").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).contains("300 lines", "templates", "0 lines not matching");
    assertThat(lines.get(2)).contains("lines", "id", "template");
    assertThat(lines.subList(3, lines.size()))
        .hasSize(3)
        .allMatch(l -> l.matches(" *\\d+ +E\\d+  .+"));
  }

  @Test
  void withoutAFormatTheDefaultDecodingGivesJustTheContent() {
    CliRun run = CliRun.of("parse", LoghubSample.log("Spark").toString(), "--out", "-");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("LineId,Content,EventId,EventTemplate");
    assertThat(lines).hasSize(301);
    // the decoder finds the date, time, level and logger of Spark's lines by itself
    assertThat(lines.get(1)).startsWith("1,").doesNotContain("17/06/09").contains("Registered");
  }

  @Test
  void usageErrors() throws Exception {
    Path log = LoghubSample.log("Spark");
    Path copy = Files.copy(log, dir.resolve("copy.log"));

    assertUsage(CliRun.of("parse"), "FILE");
    assertUsage(CliRun.of("parse", dir.resolve("nope.log").toString()), "no such file");
    assertUsage(CliRun.of("parse", "--format", "<Date> (<Content>", log.toString()), "--format");
    assertUsage(
        CliRun.of("parse", copy.toString(), "--out", copy.toString()), "is the log file itself");
    assertUsage(CliRun.of("parse", log.toString(), "--out", dir.toString()), "is a folder");
    assertUsage(CliRun.of("parse", log.toString(), "--top", "-1"), "--top");
  }

  private static void assertUsage(CliRun run, String reason) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().findFirst())
        .hasValueSatisfying(l -> assertThat(l).contains(reason));
    assertThat(run.out()).isEmpty();
  }
}
