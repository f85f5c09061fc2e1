package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.ParsingEvaluator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoghubScoreTest {
  private static final List<StructuredLine> TRUTH =
      List.of(
          new StructuredLine(1, "user alice logged in", "E1", "user <*> logged in"),
          new StructuredLine(2, "disk full", "E2", "disk full"),
          new StructuredLine(3, "user bob logged in", "E1", "user <*> logged in"),
          new StructuredLine(4, "user carol logged in", "E1", "user <*> logged in"),
          new StructuredLine(5, "disk full", "E2", "disk full"));

  @TempDir Path dir;

  @Test
  void theTruthScoresPerfectlyAgainstItself() {
    ParsingEvaluator.Score score = LoghubScore.of(TRUTH, TRUTH);

    assertThat(score.groupingAccuracy()).isEqualTo(1.0);
    assertThat(score.parsingAccuracy()).isEqualTo(1.0);
    assertThat(score.groupF1()).isEqualTo(1.0);
    assertThat(score.templateF1()).isEqualTo(1.0);
    assertThat(score.truthGroups()).isEqualTo(2);
  }

  @Test
  void truthGroupsAreTemplateTextsUnlessEventIdsAreAsked() {
    // two truth event ids whose templates read the same, as in the corrected Linux truth
    List<StructuredLine> splitTruth =
        List.of(
            new StructuredLine(1, "user alice logged in", "E1", "user <*> logged in"),
            new StructuredLine(2, "user bob logged in", "E9", "user <*> logged in"),
            new StructuredLine(3, "disk full", "E2", "disk full"));
    List<StructuredLine> parsed =
        List.of(
            new StructuredLine(1, "user alice logged in", "P1", "user <*> logged in"),
            new StructuredLine(2, "user bob logged in", "P1", "user <*> logged in"),
            new StructuredLine(3, "disk full", "P2", "disk full"));

    ParsingEvaluator.Score byTemplate = LoghubScore.of(parsed, splitTruth);
    ParsingEvaluator.Score byId =
        LoghubScore.of(parsed, splitTruth, LoghubScore.TruthGroups.EVENT_ID);

    assertThat(byTemplate.groupingAccuracy()).isEqualTo(1.0);
    assertThat(byTemplate.truthGroups()).isEqualTo(2);
    assertThat(byId.groupingAccuracy()).isEqualTo(1.0 / 3);
    assertThat(byId.truthGroups()).isEqualTo(3);
    assertThat(byId.parsingAccuracy()).isEqualTo(1.0);
  }

  @Test
  void alignsByLineIdNotByOrder() {
    List<StructuredLine> shuffled =
        List.of(TRUTH.get(4), TRUTH.get(2), TRUTH.get(0), TRUTH.get(3), TRUTH.get(1));

    assertThat(LoghubScore.of(shuffled, TRUTH).groupingAccuracy()).isEqualTo(1.0);
  }

  @Test
  void aParseMissingATruthLineOrRepeatingOneIsAnError() {
    assertThatThrownBy(() -> LoghubScore.of(TRUTH.subList(0, 4), TRUTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no LineId 5");
    List<StructuredLine> twice = List.of(TRUTH.get(0), TRUTH.get(0));
    assertThatThrownBy(() -> LoghubScore.of(twice, TRUTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LineId 1 twice");
  }

  @Test
  void aMinedFileScoresAsTheCsvItsSecondPassWrites() throws IOException {
    HeaderFormat format = HeaderFormat.compile("<Level> <Content>");
    Path log = dir.resolve("app.log");
    Files.write(log, TRUTH.stream().map(l -> "INFO " + l.content()).toList());
    MinedFile mined = MinedFile.mine(log, LineSplitter.byFormat(format), MinerConfig.defaults());
    StringWriter csv = new StringWriter();
    StructuredCsvWriter.write(mined, LineSplitter.byFormat(format), csv);

    ParsingEvaluator.Score direct = LoghubScore.of(mined, TRUTH);
    ParsingEvaluator.Score viaCsv =
        LoghubScore.of(StructuredCsv.read(new StringReader(csv.toString()), "csv"), TRUTH);

    assertThat(viaCsv).isEqualTo(direct);
  }

  @Test
  void aTruthLineBeyondTheLogIsAnError() throws IOException {
    Path log = Files.write(dir.resolve("app.log"), List.of("INFO disk full"));
    MinedFile mined =
        MinedFile.mine(
            log,
            LineSplitter.byFormat(HeaderFormat.compile("<Level> <Content>")),
            MinerConfig.defaults());

    assertThatThrownBy(() -> LoghubScore.of(mined, TRUTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truth LineId 2")
        .hasMessageContaining("1 lines");
  }
}
