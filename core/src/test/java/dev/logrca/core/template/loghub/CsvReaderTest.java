package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
    String csv = "a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n2,,last";

    List<List<String>> records = new ArrayList<>();
    try (CsvReader reader = new CsvReader(new StringReader(csv))) {
      for (List<String> record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }

    assertThat(records)
        .containsExactly(
            List.of("a", "b", "c"),
            List.of("1", "x, \"y\"", "two\nlines"),
            List.of("2", "", "last"));
  }
}
