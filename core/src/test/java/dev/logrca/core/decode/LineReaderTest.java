package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
  private static final int MAX = 64 * 1024;

  @TempDir Path dir;

  private static List<LineReader.Line> readAll(byte[] bytes, long start) throws IOException {
    InputStream in = new ByteArrayInputStream(bytes, (int) start, bytes.length - (int) start);
    List<LineReader.Line> lines = new ArrayList<>();
    try (LineReader reader = new LineReader(in, start, MAX)) {
      for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsLinesWithExactOffsetsAndAFinalLineWithoutBreak() throws IOException {
    List<LineReader.Line> lines = readAll(utf8("one\ntwo\r\n\nlast"), 0);

    assertThat(lines).extracting(LineReader.Line::text).containsExactly("one", "two", "", "last");
    assertThat(lines).extracting(LineReader.Line::lineStartOffset).containsExactly(0L, 4L, 9L, 10L);
    assertThat(lines).extracting(LineReader.Line::nextOffset).containsExactly(4L, 9L, 10L, 14L);
    assertThat(lines.get(1).flags()).isEqualTo(new LineFlags(false, false, 3));
  }

  @Test
  void anEmptyStreamHasNoLinesAndATrailingBreakAddsNone() throws IOException {
    assertThat(readAll(new byte[0], 0)).isEmpty();
    assertThat(readAll(utf8("a\n"), 0)).extracting(LineReader.Line::text).containsExactly("a");
  }

  @Test
  void skipsAByteOrderMarkAtTheStartOnly() throws IOException {
    byte[] bytes = utf8("\uFEFFfirst\nsecond\n");

    List<LineReader.Line> lines = readAll(bytes, 0);

    assertThat(lines).extracting(LineReader.Line::text).containsExactly("first", "second");
    assertThat(lines.get(0).lineStartOffset()).isEqualTo(3);
    assertThat(lines.get(1).lineStartOffset()).isEqualTo(9);
  }

  @Test
  void decodesMultiByteTextAcrossBufferBoundaries() throws IOException {
    String word = "Größe ✓ 日本 ";
    String line = word.repeat(10_000);

    LineReader.Line read = readAll(utf8(line + "\nnext\n"), 0).get(0);

    assertThat(read.flags().truncated()).isTrue();
    assertThat(read.flags().invalidUtf8()).as("cut at a character boundary").isFalse();
    assertThat(line).startsWith(read.text());
    assertThat(read.text().getBytes(StandardCharsets.UTF_8).length).isBetween(MAX - 3, MAX);
  }

  @Test
  void flagsInvalidUtf8AndReplacesIt() throws IOException {
    byte[] bytes = {'c', 'a', 'f', (byte) 0xE9, '\n', 'o', 'k', '\n'};

    List<LineReader.Line> lines = readAll(bytes, 0);

    assertThat(lines.get(0).text()).isEqualTo("caf\uFFFD");
    assertThat(lines.get(0).flags().invalidUtf8()).isTrue();
    assertThat(lines.get(1).text()).isEqualTo("ok");
    assertThat(lines.get(1).flags().invalidUtf8()).isFalse();
  }

  @Test
  void truncatesAOneMegabyteLineAndReadsTheNextAtTheRightOffset() throws IOException {
    byte[] huge = new byte[1024 * 1024];
    Arrays.fill(huge, (byte) 'x');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(utf8("before\n"));
    out.write(huge);
    out.write(utf8("\r\nafter\n"));

    List<LineReader.Line> lines = readAll(out.toByteArray(), 0);

    assertThat(lines).hasSize(3);
    LineReader.Line big = lines.get(1);
    assertThat(big.text()).hasSize(MAX).matches("x+");
    assertThat(big.flags()).isEqualTo(new LineFlags(false, true, huge.length));
    assertThat(big.lineStartOffset()).isEqualTo(7);
    assertThat(big.nextOffset()).isEqualTo(7 + huge.length + 2);
    assertThat(lines.get(2).text()).isEqualTo("after");
    assertThat(lines.get(2).lineStartOffset()).isEqualTo(big.nextOffset());
  }

  @Test
  void resumingFromAnOffsetGivesTheSameFollowingLines() throws IOException {
    StringBuilder text = new StringBuilder("\uFEFF");
    for (int i = 0; i < 5000; i++) {
      text.append("2026-11-27T10:00:03Z INFO line ").append(i).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    Path file = dir.resolve("app.log");
    Files.write(file, utf8(text.toString()));
    List<LineReader.Line> all = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, 0, MAX)) {
      for (LineReader.Line l = reader.next(); l != null; l = reader.next()) {
        all.add(l);
      }
    }
    LineReader.Line checkpoint = all.get(2999);

    List<LineReader.Line> resumed = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, checkpoint.nextOffset(), MAX)) {
      for (LineReader.Line l = reader.next(); l != null; l = reader.next()) {
        resumed.add(l);
      }
    }

    assertThat(all).hasSize(5000);
    assertThat(resumed).containsExactlyElementsOf(all.subList(3000, 5000));
    assertThat(resumed.get(0).text()).isEqualTo("2026-11-27T10:00:03Z INFO line 3000");
  }

  @Test
  void tellsBinaryFilesFromText() throws IOException {
    Path text =
        Files.write(dir.resolve("text.log"), utf8("2026-11-27 INFO \u001B[32mok\u001B[0m\tdone\n"));
    Path nul = Files.write(dir.resolve("nul.bin"), new byte[] {'a', 0, 'b'});
    Path gzip = Files.write(dir.resolve("old.log.gz"), new byte[] {0x1F, (byte) 0x8B, 8, 0});
    byte[] noisy = new byte[1000];
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = (byte) (i % 4 == 0 ? 0x02 : 'a');
    }
    Path control = Files.write(dir.resolve("noisy.dat"), noisy);
    Path empty = Files.write(dir.resolve("empty.log"), new byte[0]);

    assertThat(LineReader.looksBinary(text)).isFalse();
    assertThat(LineReader.looksBinary(empty)).isFalse();
    assertThat(LineReader.looksBinary(nul)).isTrue();
    assertThat(LineReader.looksBinary(gzip)).isTrue();
    assertThat(LineReader.looksBinary(control)).isTrue();
  }

  @Test
  void rejectsATinyLineLimit() {
    assertThatThrownBy(() -> new LineReader(InputStream.nullInputStream(), 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
