package dev.logrca.core.template;

import dev.logrca.core.template.loghub.CsvReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Loghub-2k ground truth copied under test resources: per system, each line's content. Public
 * for the benchmarks in {@code bench}.
 */
public final class LoghubCorpus {
  public static final List<String> SYSTEMS =
      List.of("BGL", "HDFS", "Hadoop", "HealthApp", "Linux", "Proxifier", "Spark", "Zookeeper");

  /** One line of ground truth. */
  public record Line(String content, String eventId, String template) {}

  private LoghubCorpus() {}

  public static List<Line> lines(String system) {
    String resource = "/template/loghub/" + system + "_2k.log_structured.csv";
    try (InputStream in = LoghubCorpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<List<String>> records = new ArrayList<>();
      try (CsvReader csv = new CsvReader(reader)) {
        for (List<String> record = csv.next(); record != null; record = csv.next()) {
          records.add(record);
        }
      }
      List<String> header = records.get(0);
      int content = header.indexOf("Content");
      int eventId = header.indexOf("EventId");
      int template = header.indexOf("EventTemplate");
      List<Line> lines = new ArrayList<>();
      for (List<String> record : records.subList(1, records.size())) {
        lines.add(new Line(record.get(content), record.get(eventId), record.get(template)));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
