package dev.logrca.core.detect.session;

import dev.logrca.core.model.LogRecord;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the session a line belongs to: an operator's pattern first (its first group, or the whole
 * match), else the trace id the decoder found in a field or the text, else one of the shapes that
 * tracing agents and systems write into their lines: SkyWalking's {@code [SW_CTX:[service,
 * instance,traceId,...]]}, {@code TraceID: ...}, a W3C {@code traceparent}, OpenTelemetry's {@code
 * trace_id=...}, Sleuth's {@code [app,trace,span]}, an HDFS block id, a request id.
 */
public final class SessionKeys {
  private static final List<Pattern> SHAPES =
      List.of(
          Pattern.compile("\\[SW_CTX:\\s*\\[[^,\\]]*,[^,\\]]*,\\s*([^,\\]\\s]+)"),
          Pattern.compile("\\bTraceID:\\s*([\\w.-]{8,})"),
          Pattern.compile("\\b00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}\\b"),
          Pattern.compile(
              "\\btrace[_.-]?id[\"']?\\s*[=:]\\s*[\"']?([0-9a-fA-F]{16,32})\\b",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\[[\\w.-]*,([0-9a-f]{16,32}),[0-9a-f]{16}(?:,(?:true|false))?\\]"),
          Pattern.compile("\\b(blk_-?\\d+)"),
          Pattern.compile(
              "\\b(?:request[_.-]?id|req[_.-]?id|x-request-id)[\"']?\\s*[=:]\\s*[\"']?([\\w-]{6,})",
              Pattern.CASE_INSENSITIVE));

  private final Pattern custom;

  private SessionKeys(Pattern custom) {
    this.custom = custom;
  }

  /** Trace ids and the usual shapes only. */
  public static SessionKeys usual() {
    return new SessionKeys(null);
  }

  /**
   * An operator's pattern, tried on the whole raw line before anything else.
   *
   * @throws IllegalArgumentException if {@code regex} does not compile
   */
  public static SessionKeys matching(String regex) {
    try {
      return new SessionKeys(Pattern.compile(regex));
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new IllegalArgumentException("session pattern: " + e.getDescription(), e);
    }
  }

  /** The session key of {@code record}, or null when the line belongs to none. */
  public String keyOf(LogRecord record) {
    String text = record.raw() != null ? record.raw() : record.message();
    if (custom != null) {
      return text == null ? null : firstGroupOrMatch(custom, text);
    }
    if (record.traceId() != null && !record.traceId().isBlank()) {
      return record.traceId();
    }
    return text == null ? null : usualKeyIn(text);
  }

  /** The key one of the usual shapes finds in {@code text}, or null. */
  static String usualKeyIn(String text) {
    for (Pattern shape : SHAPES) {
      Matcher m = shape.matcher(text);
      if (m.find()) {
        String key = m.group(1);
        return key.startsWith("blk_") ? key : key.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static String firstGroupOrMatch(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return null;
    }
    return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
  }
}
