package dev.logrca.core.decode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a trace id that a plain-text line carries inside its message, as logging patterns put it
 * there: logback/log4j MDC {@code traceId=4bf92f3577b34da6} or {@code trace_id: ...}, Spring Cloud
 * Sleuth's {@code [app,traceId,spanId]}, a W3C {@code traceparent} header, sqlcommenter's {@code
 * traceparent='00-...'} in a database's statement log, Spring Boot's {@code [trace-span]}.
 */
final class MessageTraceId {
  private static final Pattern KEYED =
      Pattern.compile(
          "\\b(?:trace[_.-]?id|x-b3-traceid|dd\\.trace_id)[\"']?\\s*[=:]\\s*[\"']?([0-9a-fA-F]{16,32}"
              + "|[0-9]{10,20})\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TRACEPARENT =
      Pattern.compile("\\b00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}\\b");
  private static final Pattern SLEUTH =
      Pattern.compile("\\[[\\w.-]*,([0-9a-f]{16,32}),[0-9a-f]{16}(?:,(?:true|false))?\\]");

  /** Spring Boot 3.2+ with Micrometer Tracing: {@code [<trace id>-<span id>]} in the header. */
  private static final Pattern CORRELATION =
      Pattern.compile("\\[([0-9a-fA-F]{32})-[0-9a-fA-F]{16}\\]");

  private MessageTraceId() {}

  /** The trace id in {@code message}, or null. */
  static String find(String message) {
    if (message == null || message.length() < 16) {
      return null;
    }
    // every line of a plain-text file comes here: each expression runs only on a line that holds
    // what it cannot match without (KEYED's names all contain "trace")
    boolean bracket = message.indexOf('[') >= 0;
    String found = containsTrace(message) ? first(KEYED, message) : null;
    if (found == null && message.contains("00-")) {
      found = first(TRACEPARENT, message);
    }
    if (found == null && bracket && message.indexOf(',') >= 0) {
      found = first(SLEUTH, message);
    }
    if (found == null && bracket) {
      found = first(CORRELATION, message);
    }
    return found;
  }

  private static String first(Pattern pattern, String message) {
    Matcher m = pattern.matcher(message);
    return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : null;
  }

  /** True when {@code message} holds "trace" in any case. */
  private static boolean containsTrace(String message) {
    for (int i = message.indexOf('r'); i >= 1; i = message.indexOf('r', i + 1)) {
      if (message.regionMatches(true, i - 1, "trace", 0, 5)) {
        return true;
      }
    }
    for (int i = message.indexOf('R'); i >= 1; i = message.indexOf('R', i + 1)) {
      if (message.regionMatches(true, i - 1, "trace", 0, 5)) {
        return true;
      }
    }
    return false;
  }
}
