package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalAnomalyCommandTest {
  private static final String HDFS_FORMAT = "<Date> <Time> <Pid> <Level> <Component>: <Content>";
  private static final String BGL_FORMAT =
      "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level> <Content>";
  private static final String LAST_LINE = "P=\\d\\.\\d{3} R=\\d\\.\\d{3} F1=\\d\\.\\d{3}";

  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(EvalAnomalyCommandTest.class.getResource("/" + name).toURI());
  }

  private static String lastLine(String out) {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }

  /**
   * 300 checkout requests a second apart, each logging cart, 1-3 prices, payment and order lines
   * with its request id; in the later half every 15th request's order is never stored, and no line
   * says so.
   */
  private Path checkoutLog(Path labels) throws IOException {
    Random random = new Random(5);
    List<String> lines = new ArrayList<>();
    List<String> rows = new ArrayList<>(List.of("request,label"));
    Instant t = Instant.parse("2026-12-06T10:00:00Z");
    for (int i = 0; i < 300; i++) {
      String id = "req-" + (100000 + i);
      boolean broken = i >= 150 && i % 15 == 0;
      lines.add(
          t + " INFO cart loaded with " + (1 + random.nextInt(9)) + " items request_id=" + id);
      for (int p = 0, n = 1 + random.nextInt(3); p < n; p++) {
        lines.add(
            t.plusMillis(10 + p)
                + " INFO price quoted "
                + random.nextInt(500)
                + " request_id="
                + id);
      }
      lines.add(
          t.plusMillis(50)
              + " INFO payment authorised ref "
              + random.nextInt(1 << 20)
              + " request_id="
              + id);
      if (!broken) {
        lines.add(
            t.plusMillis(80)
                + " INFO order stored as "
                + random.nextInt(1 << 20)
                + " request_id="
                + id);
      }
      rows.add(id + "," + (broken ? "Anomaly" : "Normal"));
      t = t.plusSeconds(1);
    }
    Files.write(labels, rows);
    Path log = dir.resolve("checkout.log");
    Files.write(log, lines);
    return log;
  }

  @Test
  void ordersNeverStoredAreFoundWithoutAnErrorLine() throws IOException {
    Path labels = dir.resolve("labels.csv");
    Path log = checkoutLog(labels);
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--session",
            "request_id=(\\S+)",
            "--idle",
            "PT10S",
            "--labels",
            labels.toString(),
            log.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        // the last 11 requests are within 10 s of the log's end: a live run would not judge them
        // yet
        .contains("289 sessions closed by an idle gap of PT10S, 11 still open at the end")
        .contains("training: the first 144 sessions by start time (50%), labels unused")
        .containsPattern("invariants +1\\.000 +1\\.000 +1\\.000 +10 +0 +0")
        // a missing line changes both views: nothing caps what a detector could reach
        .containsPattern(
            "template counts: +\\d+ distinct; 0 of 10 anomalies share theirs with a normal"
                + " session; best F1 1\\.000")
        .containsPattern("template sequence: +\\d+ distinct; 0 of 10 anomalies");
    assertThat(lastLine(run.out())).isEqualTo("P=1.000 R=1.000 F1=1.000");
  }

  @Test
  void withoutAnIdleGapABlockIsOneSessionOverTheWholeLog() throws URISyntaxException {
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--format",
            HDFS_FORMAT,
            "--session",
            "(blk_-?\\d+)",
            "--labels",
            resource("hdfs-sample/anomaly_label.csv").toString(),
            resource("hdfs-sample/HDFS_1500.log").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            "HDFS_1500.log: 1500 lines, 0 without a session key; \\d+ sessions, one"
                + " per key over the whole log \\(no --idle\\)")
        .containsPattern("template counts: +\\d+ distinct; \\d+ of \\d+ anomalies share")
        .containsPattern("template sequence: +\\d+ distinct; \\d+ of \\d+ anomalies share");
    assertThat(lastLine(run.out())).matches(LAST_LINE);
  }

  @Test
  void sessionsWithoutALabelAreSkippedAndCounted() throws IOException {
    Path labels = dir.resolve("labels.csv");
    Path log = checkoutLog(labels);
    List<String> rows = Files.readAllLines(labels);
    // keep the header and the first 200 requests' labels: the last 100 have none
    Files.write(labels, rows.subList(0, 201));
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--session",
            "request_id=(\\S+)",
            "--labels",
            labels.toString(),
            log.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("judged: 50 later sessions with a label (100 without one skipped)");
  }

  @Test
  void includeOpenWithoutAnIdleGapIsAUsageError() throws IOException {
    Path labels = dir.resolve("labels.csv");
    Path log = checkoutLog(labels);
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--session",
            "request_id=(\\S+)",
            "--include-open",
            "--labels",
            labels.toString(),
            log.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--include-open needs --idle");
  }

  @Test
  void scoresRealHdfsBlocksAgainstTheirLabels() throws URISyntaxException {
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--format",
            HDFS_FORMAT,
            "--session",
            "(blk_-?\\d+)",
            "--idle",
            "PT30S",
            "--labels",
            resource("hdfs-sample/anomaly_label.csv").toString(),
            "--include-open",
            resource("hdfs-sample/HDFS_1500.log").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("HDFS_1500.log: 1500 lines, 0 without a session key")
        .containsPattern("training: the first \\d+ sessions by start time \\(50%\\), labels unused")
        .contains("invariants", "order", "pca", "iforest", "svm", "combined (2 of 5)");
    assertThat(lastLine(run.out())).matches(LAST_LINE);
  }

  @Test
  void readsLoghubAlertLabelsFromTheLinesThemselves() throws URISyntaxException {
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--format",
            BGL_FORMAT,
            "--session",
            "^\\S+ \\S+ (\\S+)",
            "--alerts",
            resource("bgl-sample/BGL_400.log").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lastLine(run.out())).matches(LAST_LINE);
    // every judged session has a label: it comes from its own lines
    assertThat(run.out()).contains("(0 without one skipped)");
  }

  @Test
  void aLabelThatIsNeitherNormalNorAnomalyIsNamedWithItsLine() throws IOException {
    Path labels = dir.resolve("labels.csv");
    Path log = checkoutLog(labels);
    Files.writeString(labels, "key,label\nreq-100000,Normal\nreq-100001,maybe\n");
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--session",
            "request_id=(\\S+)",
            "--labels",
            labels.toString(),
            log.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("labels.csv:3: expected key,Normal or key,Anomaly");
  }

  @Test
  void labelsAndAlertsTogetherAreAUsageError() throws IOException {
    Path labels = dir.resolve("labels.csv");
    Path log = checkoutLog(labels);
    CliRun run =
        CliRun.of(
            "eval",
            "anomaly",
            "--session",
            "x",
            "--alerts",
            "--labels",
            labels.toString(),
            log.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }
}
