package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

  private static String write(List<String> fields) throws IOException {
    StringWriter out = new StringWriter();
    new CsvWriter(out).write(fields);
    return out.toString();
  }

  private static List<List<String>> readAll(String csv) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(csv))) {
      List<String> record;
      while ((record = reader.next()) != null) {
        records.add(record);
      }
    }
    return records;
  }

  @Test
  void quotesOnlyFieldsWithCommasQuotesOrLineBreaksAsLoghubDoes() throws IOException {
    // what Python's csv module (pandas' to_csv) writes, except that a lone CR is quoted as RFC 4180
    // asks (older Pythons leave it bare when the line terminator is \n)
    assertThat(
            write(List.of("1", "plain text", "a, b", "say \"hi\"", "two\nlines", "cr\rhere", "")))
        .isEqualTo("1,plain text,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\n");
  }

  @Test
  void whatIsWrittenReadsBackAsTheSameFields() throws IOException {
    List<String> nasty =
        List.of("", " leading space", "\"", "\"\"", ",", "a,\"b\",c", "x\r\ny", "trailing\n", "é∑");
    String csv = write(nasty) + write(List.of("second", "row"));

    assertThat(readAll(csv)).containsExactly(nasty, List.of("second", "row"));
  }

  @Test
  void readsCrLfRecordsAndAMissingFinalLineBreak() throws IOException {
    assertThat(readAll("a,b\r\n\"1\",\"x\r\ny\"\r\n2,"))
        .containsExactly(List.of("a", "b"), List.of("1", "x\r\ny"), List.of("2", ""));
  }

  @Test
  void anUnclosedQuoteIsAnError() {
    assertThatThrownBy(() -> readAll("a,b\n1,\"never closed\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("record 2")
        .hasMessageContaining("not closed");
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> readAll("\"a\"b,c\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("after a quoted field");
  }
}
