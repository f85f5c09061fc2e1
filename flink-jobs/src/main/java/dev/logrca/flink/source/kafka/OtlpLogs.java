package dev.logrca.flink.source.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpacks an OTLP/JSON {@code ExportLogsServiceRequest} (the OpenTelemetry Collector's {@code
 * otlp_json} encoding) into one flat JSON line per log record, in the field names of the input
 * contract, so that the ordinary JSON decoder reads them: {@code time}, {@code body}, {@code
 * severityText}, {@code traceId}, the resource's and record's attributes as dotted keys ({@code
 * service.name} among them).
 */
public final class OtlpLogs {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OtlpLogs() {}

  /** Whether {@code text} may be an OTLP/JSON logs request: worth the full parse. */
  public static boolean mayBe(String text) {
    int start = text.indexOf('{');
    return start >= 0 && text.startsWith("\"resourceLogs\"", skipBlanks(text, start + 1));
  }

  /**
   * The request's log records as flat JSON lines, in the order they appear; null when {@code text}
   * is not an OTLP/JSON logs request (it is then decoded as an ordinary line).
   */
  public static List<String> unpack(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      return null;
    }
    if (root == null || !root.path("resourceLogs").isArray()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode resourceLogs : root.path("resourceLogs")) {
      ObjectNode resource = MAPPER.createObjectNode();
      putAttributes(resource, resourceLogs.path("resource").path("attributes"));
      for (JsonNode scopeLogs : resourceLogs.path("scopeLogs")) {
        String scope = scopeLogs.path("scope").path("name").asText("");
        for (JsonNode record : scopeLogs.path("logRecords")) {
          lines.add(flatten(resource, scope, record).toString());
        }
      }
    }
    return lines;
  }

  private static ObjectNode flatten(ObjectNode resource, String scope, JsonNode record) {
    ObjectNode line = resource.deepCopy();
    putAttributes(line, record.path("attributes"));
    String nanos = record.path("timeUnixNano").asText("");
    if (nanos.isEmpty() || "0".equals(nanos)) {
      // the contract: a record without its own time is dated by when the collector saw it
      nanos = record.path("observedTimeUnixNano").asText("");
    }
    if (!nanos.isEmpty() && !"0".equals(nanos)) {
      line.put("time", isoOfNanos(nanos));
    }
    String severity = record.path("severityText").asText("");
    if (severity.isEmpty() && record.path("severityNumber").canConvertToInt()) {
      severity = severityName(record.path("severityNumber").asInt());
    }
    if (!severity.isEmpty()) {
      line.put("severityText", severity);
    }
    if (!record.path("traceId").asText("").isEmpty()) {
      line.put("traceId", record.path("traceId").asText());
    }
    if (!record.path("spanId").asText("").isEmpty()) {
      line.put("spanId", record.path("spanId").asText());
    }
    if (!scope.isEmpty() && !line.has("logger")) {
      line.put("logger", scope);
    }
    line.put("body", text(record.path("body")));
    return line;
  }

  private static void putAttributes(ObjectNode into, JsonNode attributes) {
    for (JsonNode attribute : attributes) {
      String key = attribute.path("key").asText("");
      if (!key.isEmpty()) {
        into.put(key, text(attribute.path("value")));
      }
    }
  }

  /** An OTLP {@code AnyValue} as text: strings as they are, anything else as its JSON. */
  private static String text(JsonNode anyValue) {
    if (anyValue.has("stringValue")) {
      return anyValue.get("stringValue").asText();
    }
    for (String scalar : new String[] {"intValue", "doubleValue", "boolValue", "bytesValue"}) {
      if (anyValue.has(scalar)) {
        return anyValue.get(scalar).asText();
      }
    }
    return anyValue.isMissingNode() ? "" : anyValue.toString();
  }

  private static String isoOfNanos(String nanos) {
    try {
      long value = Long.parseLong(nanos);
      return Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L).toString();
    } catch (NumberFormatException e) {
      return nanos; // left for the decoder to judge, and to report if it cannot read it
    }
  }

  /** OpenTelemetry's severity numbers: 1-4 TRACE, 5-8 DEBUG, ... 21-24 FATAL. */
  static String severityName(int number) {
    String[] names = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    return number < 1 || number > 24 ? "" : names[(number - 1) / 4];
  }

  private static int skipBlanks(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
