package dev.logrca.core.template.loghub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One system's folder of a Loghub-style benchmark: the raw log {@code <name>.log}, its truth {@code
 * <name>.log_structured.csv}, and the system's header format, taken from a {@code formats.json}
 * (system name to format) in the folder or its parent unless one is given.
 *
 * @param system the folder's name, which is the key in {@code formats.json}
 * @param log the raw log
 * @param truth the ground truth structured CSV
 * @param format the header format in the logparser convention
 */
public record LoghubFolder(String system, Path log, Path truth, String format) {
  /** The file that maps system names to header formats. */
  public static final String FORMATS_FILE = "formats.json";

  static final String TRUTH_SUFFIX = "_structured.csv";

  /**
   * Finds the files of {@code dir}.
   *
   * @param format the header format to use, or null to look it up in {@code formats.json}
   * @throws IllegalArgumentException naming what is missing or unreadable
   */
  public static LoghubFolder of(Path dir, String format) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a folder");
    }
    Path log = rawLog(dir);
    Path truth = log.resolveSibling(log.getFileName() + TRUTH_SUFFIX);
    if (!Files.isRegularFile(truth)) {
      throw new IllegalArgumentException(
          dir + ": no " + truth.getFileName() + " (the ground truth of " + log.getFileName() + ")");
    }
    String system = systemName(dir);
    String chosen = format != null ? format : formatOf(dir, system);
    return new LoghubFolder(system, log, truth, chosen);
  }

  private static Path rawLog(Path dir) {
    List<Path> logs;
    try (Stream<Path> files = Files.list(dir)) {
      logs =
          files
              .filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot be listed (" + e.getMessage() + ")", e);
    }
    if (logs.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no *.log file (the raw log)");
    }
    List<Path> withTruth =
        logs.stream()
            .filter(l -> Files.isRegularFile(l.resolveSibling(l.getFileName() + TRUTH_SUFFIX)))
            .toList();
    if (logs.size() == 1 || withTruth.isEmpty()) {
      return logs.get(0);
    }
    if (withTruth.size() > 1) {
      throw new IllegalArgumentException(
          dir + ": several logs with a ground truth, one system per folder: " + withTruth);
    }
    return withTruth.get(0);
  }

  private static String systemName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? "" : name.toString();
  }

  private static String formatOf(Path dir, String system) {
    Path parent = dir.toAbsolutePath().normalize().getParent();
    for (Path folder : parent == null ? List.of(dir) : List.of(dir, parent)) {
      Path formats = folder.resolve(FORMATS_FILE);
      if (Files.isRegularFile(formats)) {
        JsonNode entry = readFormats(formats).get(system);
        if (entry != null) {
          if (!entry.isTextual()) {
            throw new IllegalArgumentException(
                formats + ": the entry \"" + system + "\" is not a string");
          }
          return entry.asText();
        }
      }
    }
    throw new IllegalArgumentException(
        dir
            + ": no header format: no --format given and no entry \""
            + system
            + "\" in a "
            + FORMATS_FILE
            + " in the folder or its parent");
  }

  private static JsonNode readFormats(Path formats) {
    try {
      JsonNode root = new ObjectMapper().readTree(formats.toFile());
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException(
            formats + ": not a JSON object of system name to header format");
      }
      return root;
    } catch (IOException e) {
      // Jackson's own message spans lines with the source location; the first part is the reason
      String reason =
          e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.toString();
      throw new IllegalArgumentException(formats + ": not readable as JSON (" + reason + ")", e);
    }
  }
}
