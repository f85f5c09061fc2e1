package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CSV writer quotes as the Loghub ground truth files are quoted, byte for byte. */
class LoghubCsvRoundTripTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"BGL", "HDFS", "Hadoop", "HealthApp", "Linux", "Proxifier", "Spark", "Zookeeper"})
  void aLoghubFileReadAndWrittenBackIsUnchanged(String system) throws IOException {
    String resource = "/template/loghub/" + system + "_2k.log_structured.csv";
    byte[] original;
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      original = in.readAllBytes();
    }
    StringWriter rewritten = new StringWriter();
    CsvWriter writer = new CsvWriter(rewritten);
    int records = 0;
    try (CsvReader reader =
        new CsvReader(
            new InputStreamReader(
                new java.io.ByteArrayInputStream(original), StandardCharsets.UTF_8))) {
      List<String> record;
      while ((record = reader.next()) != null) {
        writer.write(record);
        records++;
      }
    }

    assertThat(records).isEqualTo(2001);
    assertThat(rewritten.toString()).isEqualTo(new String(original, StandardCharsets.UTF_8));
  }
}
