package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinedLineReaderTest {
  private static final String CRI =
      String.join(
          "\n",
          "2026-11-27T10:00:00.000000001Z stdout F starting",
          "2026-11-27T10:00:01.000000001Z stdout P {\"level\":\"info\",\"msg\":\"cart ",
          "2026-11-27T10:00:01.000000002Z stdout P contents: apples, ",
          "2026-11-27T10:00:01.000000003Z stdout F pears\"}",
          "2026-11-27T10:00:02.000000001Z stderr F panic: boom",
          "2026-11-27T10:00:03.000000001Z stdout P interrupted ",
          "2026-11-27T10:00:03.000000002Z stderr F goroutine 1 [running]:",
          "2026-11-27T10:00:03.000000003Z stdout F tail",
          "2026-11-27T10:00:04.000000001Z stdout P cut off at the end");

  private static List<JoinedLineReader.Line> readAll(String text, long from, int max)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    InputStream in = new ByteArrayInputStream(bytes, (int) from, bytes.length - (int) from);
    List<JoinedLineReader.Line> lines = new ArrayList<>();
    try (JoinedLineReader reader = new JoinedLineReader(new LineReader(in, from, max), max)) {
      for (JoinedLineReader.Line l = reader.next(); l != null; l = reader.next()) {
        lines.add(l);
      }
    }
    return lines;
  }

  @Test
  void joinsTheCriPiecesOfOneStreamIntoAFullLine() throws IOException {
    List<JoinedLineReader.Line> lines = readAll(CRI, 0, 64 * 1024);

    assertThat(lines)
        .extracting(JoinedLineReader.Line::text)
        .containsExactly(
            "2026-11-27T10:00:00.000000001Z stdout F starting",
            "2026-11-27T10:00:01.000000001Z stdout F {\"level\":\"info\",\"msg\":\"cart contents:"
                + " apples, pears\"}",
            "2026-11-27T10:00:02.000000001Z stderr F panic: boom",
            // the other stream came between: the piece goes out alone, still partial
            "2026-11-27T10:00:03.000000001Z stdout P interrupted ",
            "2026-11-27T10:00:03.000000002Z stderr F goroutine 1 [running]:",
            "2026-11-27T10:00:03.000000003Z stdout F tail",
            "2026-11-27T10:00:04.000000001Z stdout P cut off at the end");
    assertThat(lines).extracting(JoinedLineReader.Line::lines).containsExactly(1, 3, 1, 1, 1, 1, 1);
    assertThat(lines.get(1).lineStartOffset()).isEqualTo(lines.get(0).nextOffset());
    assertThat(lines.get(2).lineStartOffset()).isEqualTo(lines.get(1).nextOffset());
    assertThat(lines.get(6).nextOffset()).isEqualTo(CRI.length());
  }

  @Test
  void resumingAtAnyLinesNextOffsetGivesExactlyTheLinesAfterIt() throws IOException {
    List<JoinedLineReader.Line> all = readAll(CRI, 0, 64 * 1024);

    for (int i = 0; i < all.size(); i++) {
      List<JoinedLineReader.Line> rest = readAll(CRI, all.get(i).nextOffset(), 64 * 1024);
      assertThat(rest).isEqualTo(all.subList(i + 1, all.size()));
    }
  }

  @Test
  void aJoinedMessageIsCappedAndFlaggedAndTheRestIsSkipped() throws IOException {
    String text =
        String.join(
            "\n",
            "2026-11-27T10:00:01Z stdout P 0123456789",
            "2026-11-27T10:00:01Z stdout P abcdefghij",
            "2026-11-27T10:00:01Z stdout F KLMNOPQRST",
            "2026-11-27T10:00:02Z stdout F next");

    List<JoinedLineReader.Line> lines = readAll(text, 0, 64);
    List<JoinedLineReader.Line> capped = readAllCapped(text, 15);

    assertThat(lines.get(0).flags().truncated()).isFalse();
    assertThat(capped.get(0).text()).isEqualTo("2026-11-27T10:00:01Z stdout F 0123456789abcde");
    assertThat(capped.get(0).flags().truncated()).isTrue();
    assertThat(capped.get(0).flags().originalLength()).isEqualTo(3 * 40);
    assertThat(capped.get(0).lines()).isEqualTo(3);
    assertThat(capped.get(1).text()).isEqualTo("2026-11-27T10:00:02Z stdout F next");
  }

  /** A reader that keeps whole physical lines but caps the joined message at {@code max}. */
  private static List<JoinedLineReader.Line> readAllCapped(String text, int max)
      throws IOException {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    List<JoinedLineReader.Line> lines = new ArrayList<>();
    try (JoinedLineReader reader = new JoinedLineReader(new LineReader(in, 0, 1024), max)) {
      for (JoinedLineReader.Line l = reader.next(); l != null; l = reader.next()) {
        lines.add(l);
      }
    }
    return lines;
  }

  @Test
  void joinsDockersSplitJsonFileEntries() throws IOException {
    String text =
        String.join(
            "\n",
            "{\"log\":\"first half, \",\"stream\":\"stdout\",\"time\":\"2026-11-27T10:00:01.1Z\"}",
            "{\"log\":\"second half\\n\",\"stream\":\"stdout\",\"time\":\"2026-11-27T10:00:01.2Z\"}",
            "{\"log\":\"whole\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-27T10:00:02Z\"}");

    List<JoinedLineReader.Line> lines = readAll(text, 0, 64 * 1024);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).text())
        .isEqualTo(
            "{\"log\":\"first half, second half\\n\",\"stream\":\"stdout\","
                + "\"time\":\"2026-11-27T10:00:01.1Z\"}");
    assertThat(lines.get(0).lines()).isEqualTo(2);
    assertThat(lines.get(1).text()).startsWith("{\"log\":\"whole\\n\"");
    assertThat(readAll(text, lines.get(0).nextOffset(), 64 * 1024)).containsExactly(lines.get(1));
  }

  @Test
  void otherLinesPassThroughUnchanged() throws IOException {
    String text = "2026-11-27 10:00:01 INFO plain\n{\"msg\":\"json\"}\n";

    assertThat(readAll(text, 0, 64 * 1024))
        .extracting(JoinedLineReader.Line::text)
        .containsExactly("2026-11-27 10:00:01 INFO plain", "{\"msg\":\"json\"}");
  }
}
