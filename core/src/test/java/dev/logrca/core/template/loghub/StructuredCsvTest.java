package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredCsvTest {

  private static List<StructuredLine> read(String csv) throws IOException {
    return StructuredCsv.read(new StringReader(csv), "t.csv");
  }

  @Test
  void readsTheScoringColumnsWhereverTheyStand() throws IOException {
    String csv =
        "\uFEFFLineId,Level,Content,EventId,EventTemplate\n"
            + "1,INFO,\"Registered signal handlers for [TERM, HUP, INT]\",E22,"
            + "\"Registered signal handlers for [TERM, HUP, INT]\"\n"
            + "2,INFO,Got 3 blocks,E5,Got <*> blocks\n";

    assertThat(read(csv))
        .containsExactly(
            new StructuredLine(
                1,
                "Registered signal handlers for [TERM, HUP, INT]",
                "E22",
                "Registered signal handlers for [TERM, HUP, INT]"),
            new StructuredLine(2, "Got 3 blocks", "E5", "Got <*> blocks"));
  }

  @Test
  void namesTheMissingColumn() {
    assertThatThrownBy(() -> read("LineId,Content,EventId\n1,x,E1\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("t.csv")
        .hasMessageContaining("no EventTemplate column");
  }

  @Test
  void namesTheRowOfABadLineId() {
    assertThatThrownBy(() -> read("LineId,EventId,EventTemplate\n1,E1,a\nseven,E1,a\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("'seven'");
  }

  @Test
  void aShortRowIsAnError() {
    assertThatThrownBy(() -> read("LineId,EventId,EventTemplate\n1,E1\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("row 2 has 2 fields");
  }

  @Test
  void theHeaderPutsLineIdFirstAndTheEventLast() {
    assertThat(StructuredCsv.header(List.of("Date", "Level", "Content")))
        .containsExactly("LineId", "Date", "Level", "Content", "EventId", "EventTemplate");
  }
}
