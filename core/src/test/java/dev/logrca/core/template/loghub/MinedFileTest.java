package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.template.MinerConfig;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinedFileTest {
  private static final HeaderFormat FORMAT = HeaderFormat.compile("<Time> \\[<Level>\\] <Content>");

  @TempDir Path dir;

  private Path log(String... lines) throws IOException {
    return Files.write(dir.resolve("app.log"), List.of(lines));
  }

  private static MinedFile mine(Path file, MinerConfig config) throws IOException {
    return MinedFile.mine(file, LineSplitter.byFormat(FORMAT), config);
  }

  @Test
  void everyLineGetsItsTemplateAsItStandsAtTheEnd() throws IOException {
    // the first line founds a template that the later ones generalise
    Path file =
        log(
            "10:00:01 [INFO] login of user alice from web accepted",
            "10:00:02 [INFO] login of user bob from web accepted",
            "10:00:03 [INFO] login of user carol from web accepted",
            "10:00:04 [INFO] login of user dave from web accepted");

    MinedFile mined = mine(file, MinerConfig.defaults());

    assertThat(mined.lines()).isEqualTo(4);
    assertThat(mined.template(0)).hasValueSatisfying(t -> assertThat(t).contains("<*>"));
    for (int line = 1; line < 4; line++) {
      assertThat(mined.eventId(line)).isEqualTo(mined.eventId(0));
      assertThat(mined.template(line)).isEqualTo(mined.template(0));
    }
    assertThat(mined.topTemplates(5)).hasSize(mined.templateCount());
    assertThat(mined.topTemplates(5).get(0).matchCount()).isEqualTo(4);
  }

  @Test
  void countsTheLinesTheFormatDoesNotMatch() throws IOException {
    Path file = log("10:00:01 [INFO] started", "a stack trace line", "", "10:00:02 [INFO] stopped");

    MinedFile mined = mine(file, MinerConfig.defaults());

    assertThat(mined.lines()).isEqualTo(4);
    assertThat(mined.unmatchedLines()).isEqualTo(2);
  }

  @Test
  void theSecondPassWritesEveryLineWithItsFinalTemplate() throws IOException {
    Path file =
        log(
            "10:00:01 [INFO] Registered handlers for [TERM, HUP, INT]",
            "not a header at all",
            "10:00:03 [WARN] said \"no\" to job 7");
    MinedFile mined = mine(file, MinerConfig.defaults());
    StringWriter csv = new StringWriter();

    StructuredCsvWriter.Written written =
        StructuredCsvWriter.write(mined, LineSplitter.byFormat(FORMAT), csv);

    assertThat(written.rows()).isEqualTo(3);
    List<String> rows = csv.toString().lines().toList();
    assertThat(rows.get(0)).isEqualTo("LineId,Time,Level,Content,EventId,EventTemplate");
    assertThat(rows.get(1))
        .startsWith(
            "1,10:00:01,INFO,\"Registered handlers for [TERM, HUP, INT]\"," + mined.eventId(0));
    assertThat(rows.get(2)).startsWith("2,,,not a header at all," + mined.eventId(1) + ",");
    assertThat(rows.get(3)).startsWith("3,10:00:03,WARN,\"said \"\"no\"\" to job 7\",");
    List<StructuredLine> back = StructuredCsv.read(new StringReader(csv.toString()), "csv");
    for (int line = 0; line < 3; line++) {
      assertThat(back.get(line).eventId()).isEqualTo(mined.eventId(line));
      assertThat(back.get(line).template()).isEqualTo(mined.template(line).orElseThrow());
    }
  }

  @Test
  void aLineWhoseTemplateWasEvictedKeepsItsIdAndAnEmptyTemplate() throws IOException {
    Path file = log("10:00:01 [INFO] alpha beta gamma", "10:00:02 [INFO] delta epsilon zeta");
    MinedFile mined = mine(file, MinerConfig.defaults().withMaxTemplates(1));
    StringWriter csv = new StringWriter();

    StructuredCsvWriter.Written written =
        StructuredCsvWriter.write(mined, LineSplitter.byFormat(FORMAT), csv);

    assertThat(mined.template(0)).isEmpty();
    assertThat(mined.template(1)).isPresent();
    assertThat(written.evictedTemplateRows()).isEqualTo(1);
    assertThat(csv.toString().lines().skip(1).findFirst())
        .hasValue("1,10:00:01,INFO,alpha beta gamma," + mined.eventId(0) + ",");
  }

  @Test
  void aFileThatGrewBetweenThePassesIsAnError() throws IOException {
    Path file = log("10:00:01 [INFO] started");
    MinedFile mined = mine(file, MinerConfig.defaults());
    Files.writeString(file, "10:00:02 [INFO] more\n", java.nio.file.StandardOpenOption.APPEND);

    assertThatThrownBy(
            () ->
                StructuredCsvWriter.write(mined, LineSplitter.byFormat(FORMAT), new StringWriter()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("changed while being parsed");
  }
}
