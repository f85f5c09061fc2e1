package dev.logrca.rules.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads scenario files: YAML (one scenario per document, documents separated by {@code ---}) or
 * JSON (one object, several, or an array of them). A mistake is reported with its file, line and
 * column and the field it is in, e.g. {@code payments.yaml:14:9: lines[2].level: unknown level}.
 */
public final class ScenarioReader {
  private static final ObjectReader YAML =
      new ObjectMapper(new YAMLFactory()).readerFor(Scenario.class);
  private static final ObjectReader JSON = new ObjectMapper().readerFor(Scenario.class);

  private ScenarioReader() {}

  /**
   * True for the file names this reader understands: {@code .yaml}, {@code .yml}, {@code .json}.
   */
  public static boolean isScenarioFile(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /**
   * The scenarios in {@code text}, read from the file {@code origin} (its name picks the format).
   */
  public static List<Scenario> read(String origin, String text) throws ScenarioFileException {
    ObjectReader reader = origin.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    List<Scenario> scenarios = new ArrayList<>();
    try (MappingIterator<Scenario> it = reader.readValues(text)) {
      while (it.hasNextValue()) {
        Scenario s = it.nextValue();
        if (s != null) {
          scenarios.add(s);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw new ScenarioFileException(
          origin,
          where == null ? 0 : where.getLineNr(),
          where == null ? 0 : where.getColumnNr(),
          problem(e));
    } catch (IOException e) {
      throw new ScenarioFileException(origin, 0, 0, e.getMessage());
    }
    if (scenarios.isEmpty()) {
      throw new ScenarioFileException(origin, 1, 1, "no scenario in the file");
    }
    return scenarios;
  }

  /** What is wrong, in one line, after the field it is in. */
  private static String problem(JsonProcessingException e) {
    String message;
    if (e instanceof UnrecognizedPropertyException u) {
      message =
          "unknown field \""
              + u.getPropertyName()
              + "\" (known: "
              + u.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", "))
              + ")";
    } else if (String.valueOf(e.getOriginalMessage()).startsWith("Missing required")) {
      // the path already ends with the missing field's name
      message = "required, but missing";
    } else {
      Throwable cause = e.getCause();
      while (cause != null
          && !(cause instanceof IllegalArgumentException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      message =
          cause instanceof IllegalArgumentException && cause.getMessage() != null
              ? cause.getMessage()
              : e.getOriginalMessage();
    }
    String field = e instanceof JsonMappingException m ? field(m) : "";
    return (field.isEmpty() ? "" : field + ": ") + message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static String field(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
