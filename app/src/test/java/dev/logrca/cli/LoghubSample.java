package dev.logrca.cli;

import dev.logrca.core.template.loghub.CsvReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The first 300 lines of two Loghub-2k systems (Spark: quoted fields; Linux: an optional PID), raw
 * and with their ground truth, and the benchmark's formats.json for them, under test resources.
 */
final class LoghubSample {
  static final String SPARK_FORMAT = "<Date> <Time> <Level> <Component>: <Content>";

  private LoghubSample() {}

  /** The folder holding one folder per system and formats.json. */
  static Path root() {
    try {
      return Path.of(LoghubSample.class.getResource("/loghub-sample").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path folder(String system) {
    return root().resolve(system);
  }

  static Path log(String system) {
    return folder(system).resolve(system + "_300.log");
  }

  static Path truth(String system) {
    return folder(system).resolve(system + "_300.log_structured.csv");
  }

  /** Every record of a CSV file, the header first. */
  static List<List<String>> records(Path csv) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(in)) {
      List<String> record;
      while ((record = reader.next()) != null) {
        records.add(record);
      }
    }
    return records;
  }
}
