package dev.logrca.flink.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/** Strings in state from format 2 on: length-prefixed UTF-8, and what a broken string becomes. */
class Utf8StringsTest {
  static final List<String> SAMPLES =
      Arrays.asList(
          null,
          "",
          "a",
          "timeout after 3000 ms",
          TextSamples.MIXED,
          "\u652f".repeat(30_000), // 90,000 bytes: past writeUTF's 64 KiB
          "x".repeat(70_000),
          "\ud83d\ude00".repeat(20_000));

  private static byte[] written(String s) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    Utf8Strings.write(s, out);
    return out.getCopyOfBuffer();
  }

  private static String read(byte[] bytes) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    String s = Utf8Strings.read(in);
    assertThat(in.available()).as("bytes left").isZero();
    return s;
  }

  @Test
  void everyStringRoundTripsAsItsUtf8BytesAfterTheirLength() throws IOException {
    for (String s : SAMPLES) {
      byte[] bytes = written(s);
      assertThat(read(bytes)).isEqualTo(s);
      if (s != null) {
        int utf8 = s.getBytes(UTF_8).length;
        int prefix = utf8 + 1 < 128 ? 1 : utf8 + 1 < 1 << 14 ? 2 : 3;
        assertThat(bytes).hasSize(prefix + utf8);
      }
    }
    assertThat(written(null)).containsExactly(0);
    assertThat(written("")).containsExactly(1);
  }

  @Test
  void asciiIsWrittenByteForByteAsStringValueWroteIt() throws IOException {
    // the same length prefix, and an ASCII char is one byte in both: format 1 and 2 differ only
    // where a line holds other characters
    for (String s : Arrays.asList(null, "", "timeout after 3000 ms", "x".repeat(70_000))) {
      DataOutputSerializer old = new DataOutputSerializer(16);
      StringValue.writeString(s, old);
      assertThat(written(s)).isEqualTo(old.getCopyOfBuffer());
    }
  }

  @Test
  void aLoneSurrogateBecomesTheReplacementCharacterAndItsNeighboursStay() throws IOException {
    // a JSON escape can put half a pair into a line; the JDK's encoder would write '?'
    assertThat(read(written("a\ud800b"))).isEqualTo("a\ufffdb");
    assertThat(read(written("end \ud83d"))).isEqualTo("end \ufffd");
    assertThat(read(written("\ude00 start"))).isEqualTo("\ufffd start");
    assertThat(read(written("\ude00\ud83d"))).isEqualTo("\ufffd\ufffd");
    assertThat(read(written("pair \ud83d\ude00 lone \ud83d")))
        .isEqualTo("pair \ud83d\ude00 lone \ufffd");
    assertThat(Utf8Strings.hasLoneSurrogate(TextSamples.MIXED)).isFalse();
  }

  @Test
  void bytesThatAreNotUtf8ReadAsReplacementCharacters() throws IOException {
    assertThat(read(new byte[] {4, 'o', (byte) 0xC3, 'k'})).isEqualTo("o\ufffdk");
  }

  @Test
  void aCutOrCorruptStringIsAnError() {
    assertThatThrownBy(() -> read(new byte[] {10, 'a', 'b'})).isInstanceOf(EOFException.class);
    byte[] negative = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
    assertThatThrownBy(() -> read(negative)).hasMessageContaining("negative");
    byte[] endless = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 1};
    assertThatThrownBy(() -> read(endless)).hasMessageContaining("past five bytes");
  }
}
