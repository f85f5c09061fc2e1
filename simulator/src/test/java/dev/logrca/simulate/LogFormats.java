package dev.logrca.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-side parsers of each service's log format: the event time of a line, or null when the line
 * continues the previous event (a stack trace frame). A line fitting neither fails.
 */
final class LogFormats {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONTINUATION =
      Pattern.compile(
          "^(\\tat .+|Caused by: .+|\\t\\.\\.\\. \\d+ common frames omitted"
              + "|[a-z][\\w]*(\\.[\\w$]+)+(: .*)?|\\t.+)$");
  private static final Pattern NGINX_ACCESS =
      Pattern.compile(
          "^\\S+ - - \\[(\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d) \\+0000] \"(GET|POST) \\S+"
              + " HTTP/1\\.1\" \\d{3} \\d+ \"-\" \"[^\"]+\" rt=\\d+\\.\\d{3} urt=(-|\\d+\\.\\d{3})"
              + " traceId=[0-9a-f]{32}$");
  private static final Pattern NGINX_ERROR =
      Pattern.compile(
          "^(\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d) \\[(warn|error|crit)] 29#29: .+");
  private static final Pattern SPRING =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) +(INFO|WARN|ERROR) 1 --- \\[.{15}]"
              + " \\S.{39} : .+");
  private static final Pattern LOG4J =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) (INFO|WARN|ERROR) \\[[^]]+]"
              + " [\\w.$]+ - .+");
  private static final Pattern POSTGRES =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) UTC \\[\\d+]"
              + " (LOG|WARNING|ERROR|FATAL|PANIC|HINT|DETAIL|STATEMENT):  .+");
  private static final Pattern REDIS =
      Pattern.compile("^\\d+:[MCS] (\\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) [.*#-] .+");

  private LogFormats() {}

  /** The event time of {@code line} of {@code service}'s log, or null for a continuation. */
  static Instant time(String service, String line) {
    return switch (service) {
      case "gateway" -> {
        Matcher access = NGINX_ACCESS.matcher(line);
        if (access.matches()) {
          yield parse(access.group(1), "dd/MMM/yyyy:HH:mm:ss");
        }
        yield parse(match(NGINX_ERROR, line, service), "yyyy/MM/dd HH:mm:ss");
      }
      case "frontend" -> {
        JsonNode node = json(line);
        require(node.path("level").isInt() && node.path("msg").isTextual(), line);
        yield Instant.ofEpochMilli(node.path("time").asLong());
      }
      case "payment" -> {
        JsonNode node = json(line);
        require(node.path("caller").isTextual() && node.path("msg").isTextual(), line);
        yield Instant.parse(node.path("ts").asText());
      }
      case "checkout" -> header(SPRING, line, service, "yyyy-MM-dd HH:mm:ss.SSS");
      case "inventory" -> header(LOG4J, line, service, "yyyy-MM-dd HH:mm:ss,SSS");
      case "postgres" -> header(POSTGRES, line, service, "yyyy-MM-dd HH:mm:ss.SSS");
      case "redis" -> parse(match(REDIS, line, service), "dd MMM yyyy HH:mm:ss.SSS");
      default -> throw new AssertionError("unknown service " + service);
    };
  }

  private static Instant header(Pattern header, String line, String service, String pattern) {
    Matcher m = header.matcher(line);
    if (m.matches()) {
      return parse(m.group(1), pattern);
    }
    require(CONTINUATION.matcher(line).matches(), service + ": " + line);
    return null;
  }

  private static String match(Pattern pattern, String line, String service) {
    Matcher m = pattern.matcher(line);
    require(m.matches(), service + ": " + line);
    return m.group(1);
  }

  private static Instant parse(String text, String pattern) {
    return LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
        .toInstant(ZoneOffset.UTC);
  }

  private static JsonNode json(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      require(node != null && node.isObject(), line);
      return node;
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
  }

  private static void require(boolean ok, String line) {
    if (!ok) {
      throw new AssertionError("line does not fit its format: " + line);
    }
  }
}
