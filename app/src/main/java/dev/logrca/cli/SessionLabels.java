package dev.logrca.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Session labels from a CSV with a header line whose first two columns are the session key and
 * {@code Normal} or {@code Anomaly} (HDFS's {@code anomaly_label.csv}); other columns are ignored.
 */
final class SessionLabels {
  private SessionLabels() {}

  /**
   * Key to true for an anomaly.
   *
   * @throws IllegalArgumentException naming the file and line of a row that is not key,label
   */
  static Map<String, Boolean> read(Path file) throws IOException {
    Map<String, Boolean> labels = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IllegalArgumentException(file + ": empty, expected a header and key,label rows");
      }
      int lineNo = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", 3);
        String label = cells.length < 2 ? "" : cells[1].strip().toLowerCase(Locale.ROOT);
        if (!label.equals("normal") && !label.equals("anomaly")) {
          throw new IllegalArgumentException(
              file + ":" + lineNo + ": expected key,Normal or key,Anomaly, was: " + line.strip());
        }
        labels.put(cells[0].strip(), label.equals("anomaly"));
      }
    }
    return labels;
  }
}
