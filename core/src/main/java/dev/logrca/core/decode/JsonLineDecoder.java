package dev.logrca.core.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logrca.core.model.Level;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes a JSON line from a shipper (Vector, Fluent Bit, Filebeat, the OpenTelemetry Collector) or
 * a JSON logger: the recognised fields, first present wins, as the input contract lists them; every
 * other field becomes an attribute. A message that is itself a log line with a header is decoded
 * further. Not thread-safe (its parsers are not).
 */
public final class JsonLineDecoder {
  static final String[] TIME = {"@timestamp", "timestamp", "time", "ts", "observedTimestamp"};
  static final String[] MESSAGE = {"message", "msg", "log", "body"};
  static final String[] SERVICE = {
    "service.name",
    "resource.service.name",
    "service",
    "kubernetes.labels.app",
    "kubernetes.pod_labels.app",
    "app",
    "kubernetes.container_name"
  };
  static final String[] POD_NAME = {"kubernetes.pod_name", "kubernetes.pod.name"};
  static final String[] HOST = {
    "host.name", "host", "hostname", "kubernetes.pod_name", "kubernetes.host"
  };
  static final String[] LEVEL = {"log.level", "level", "severity", "severityText", "severity_text"};
  static final String[] TRACE = {
    "trace.id",
    "trace_id",
    "traceId",
    "traceid",
    // OpenTelemetry log records as collectors and SDK exporters write them
    "attributes.trace_id",
    "attributes.traceId",
    "attributes.trace.id"
  };

  /** Not in the contract's list, but what ECS, logstash-logback and others call the logger. */
  static final String[] LOGGER = {"log.logger", "logger", "logger_name", "loggerName"};

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final TimestampParser parser;
  private final PlainLineDecoder plain;
  // a source's lines mostly come from one pod: remember its service name
  private String lastPodName;
  private String lastPodService;

  /** A decoder reading time values with {@code parser}. */
  public JsonLineDecoder(TimestampParser parser) {
    this.parser = parser;
    this.plain = new PlainLineDecoder(parser);
  }

  /** True when a line is to be read as JSON: its first non-blank character is '{'. */
  public static boolean looksLikeJson(String line) {
    int i = LineWords.skipBlanks(line, 0);
    return i < line.length() && line.charAt(i) == '{';
  }

  /**
   * Decodes one line; a line that does not parse as a JSON object comes back with an error. A
   * message that is itself a JSON object (an application's JSON line inside a container runtime's)
   * is decoded too, and fills what the outer object lacks.
   */
  public JsonLine decode(String line) {
    JsonLine decoded = decode(line, true);
    return decoded.traceId() != null || decoded.error() != null
        ? decoded
        : withTraceFromText(decoded);
  }

  /**
   * A line without a trace field may still carry a trace: a W3C {@code traceparent} kept as a field
   * or an id written into the message ({@code trace_id=...}, {@code 00-<trace>-<span>-01}).
   */
  private static JsonLine withTraceFromText(JsonLine line) {
    String traceparent = line.attributes().get("traceparent");
    String traceId = MessageTraceId.find(traceparent);
    if (traceId == null) {
      traceId = MessageTraceId.find(line.message());
    }
    if (traceId == null) {
      return line;
    }
    return new JsonLine(
        line.timestamp(),
        line.service(),
        line.host(),
        line.level(),
        line.logger(),
        traceId,
        line.message(),
        line.attributes(),
        null);
  }

  private JsonLine decode(String line, boolean unwrap) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return JsonLine.malformed("malformed JSON: " + e.getOriginalMessage());
    }
    if (!(tree instanceof ObjectNode object)) {
      return JsonLine.malformed("malformed JSON: not an object");
    }
    ObjectNode event = KubernetesEvent.find(object);
    if (event != null) {
      return KubernetesEvent.read(event, this::timeText);
    }
    JsonFields fields = new JsonFields(object);
    Long timestamp = time(fields);
    String message = message(fields);
    String service = fields.take(SERVICE);
    if (service == null) {
      JsonFields.Found pod = firstFound(fields, POD_NAME);
      service = pod == null ? null : serviceOfPod(pod.value().asText());
    }
    JsonLine own =
        new JsonLine(
            timestamp,
            service,
            fields.take(HOST),
            level(fields),
            fields.take(LOGGER),
            fields.take(TRACE),
            message,
            fields.unused(),
            null);
    if (message != null && unwrap && looksLikeJson(message)) {
      JsonLine inner = decode(message, false);
      return inner.error() == null ? fill(own, inner) : own;
    }
    return message == null ? fill(own, line) : withEmbeddedHeader(own);
  }

  /** A message that is a log line with a header gives its level, logger and maybe its time. */
  private JsonLine withEmbeddedHeader(JsonLine own) {
    PlainLine inner = plain.decode(own.message());
    if (!inner.hasHeader()) {
      return own;
    }
    inner.attributes().forEach(own.attributes()::putIfAbsent);
    return new JsonLine(
        // a shipper's time is complete; a logger's often lacks the date or the zone
        own.timestamp() == null && inner.hasTimestamp() ? inner.timestamp() : own.timestamp(),
        own.service(),
        own.host(),
        own.level() == Level.UNKNOWN ? inner.level() : own.level(),
        own.logger() == null ? inner.logger() : own.logger(),
        own.traceId(),
        inner.message(),
        own.attributes(),
        null);
  }

  /** The outer object's fields, completed by the inner's where it has none. */
  private static JsonLine fill(JsonLine outer, JsonLine inner) {
    inner.attributes().forEach(outer.attributes()::putIfAbsent);
    return new JsonLine(
        outer.timestamp() == null ? inner.timestamp() : outer.timestamp(),
        outer.service() == null ? inner.service() : outer.service(),
        outer.host() == null ? inner.host() : outer.host(),
        outer.level() == Level.UNKNOWN ? inner.level() : outer.level(),
        outer.logger() == null ? inner.logger() : outer.logger(),
        outer.traceId() == null ? inner.traceId() : outer.traceId(),
        inner.message(),
        outer.attributes(),
        null);
  }

  /** Without a message field, the whole line is the message. */
  private static JsonLine fill(JsonLine own, String line) {
    return new JsonLine(
        own.timestamp(),
        own.service(),
        own.host(),
        own.level(),
        own.logger(),
        own.traceId(),
        line,
        own.attributes(),
        null);
  }

  private String serviceOfPod(String podName) {
    if (!podName.equals(lastPodName)) {
      lastPodName = podName;
      lastPodService = ServiceNames.fromPodName(podName);
    }
    return lastPodService;
  }

  /** The listed time fields first, then any top-level field whose name says "time". */
  private Long time(JsonFields fields) {
    for (String name : TIME) {
      JsonFields.Found f = fields.find(name);
      Long t = f == null ? null : timeValue(f.value());
      if (t != null) {
        fields.markUsed(f);
        return t;
      }
    }
    for (Map.Entry<String, JsonNode> e : fields.root().properties()) {
      JsonNode value = e.getValue();
      if (value.isValueNode() && e.getKey().toLowerCase(Locale.ROOT).contains("time")) {
        Long t = timeValue(value);
        if (t != null) {
          fields.markUsed(new JsonFields.Found(fields.root(), e.getKey(), value));
          return t;
        }
      }
    }
    return null;
  }

  private Long timeText(String value) {
    var parsed = parser.parse(value);
    return parsed.isPresent() && TimestampParser.isPlausible(parsed.getAsLong())
        ? parsed.getAsLong()
        : null;
  }

  private Long timeValue(JsonNode value) {
    long millis;
    if (value.isIntegralNumber()) {
      millis = TimestampParser.epochToMillis(value.asLong());
    } else if (value.isNumber()) {
      millis = Math.round(value.asDouble() * 1000); // fractional epoch seconds
    } else if (value.isTextual()) {
      var parsed = parser.parse(value.asText());
      if (parsed.isEmpty()) {
        return null;
      }
      millis = parsed.getAsLong();
    } else {
      return null;
    }
    return TimestampParser.isPlausible(millis) ? millis : null;
  }

  private static String message(JsonFields fields) {
    String message = fields.take(MESSAGE);
    if (message == null) {
      return null;
    }
    // Docker's json-file driver keeps the line's own newline
    int end = message.length();
    while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == '\r')) {
      end--;
    }
    return message.substring(0, end);
  }

  /** The first level field whose value names a level; an unreadable one stays an attribute. */
  private static Level level(JsonFields fields) {
    for (String name : LEVEL) {
      JsonFields.Found f = fields.find(name);
      Level level = f == null ? Level.UNKNOWN : Level.parse(f.value().asText());
      if (level != Level.UNKNOWN) {
        fields.markUsed(f);
        return level;
      }
    }
    return Level.UNKNOWN;
  }

  private static JsonFields.Found firstFound(JsonFields fields, String[] names) {
    for (String name : names) {
      JsonFields.Found f = fields.find(name);
      if (f != null) {
        return f;
      }
    }
    return null;
  }
}
