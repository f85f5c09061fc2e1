package dev.logrca.core.model;

import java.util.HashMap;
import java.util.Map;

/**
 * One decoded input line: who logged what, when, at which level. Every input line becomes exactly
 * one record, including lines that could not be decoded ({@link #decodeError} says why).
 *
 * @param eventId deterministic id of the line (source and position), so replays never duplicate
 * @param source the file path or {@code topic/partition} the line came from
 * @param line 1-based line number in a file, or the offset in a partition
 * @param timestamp event time in epoch milliseconds
 * @param timestampInferred true when the line had no timestamp of its own and took its
 *     predecessor's (a stack trace line, say) or the arrival time
 * @param service the service that logged the line
 * @param host the host or pod, or null
 * @param level the normalised severity
 * @param logger the logger, component or program name, or null
 * @param traceId the trace id, or null
 * @param message the message without its header
 * @param raw the line as read (possibly truncated, see {@link #attributes} {@code truncated})
 * @param attributes other fields of a structured line; never null
 * @param decodeError null for a decoded line, else the reason it was kept as raw text
 */
public record LogRecord(
    String eventId,
    String source,
    long line,
    long timestamp,
    boolean timestampInferred,
    String service,
    String host,
    Level level,
    String logger,
    String traceId,
    String message,
    String raw,
    Map<String, String> attributes,
    String decodeError)
    implements java.io.Serializable {

  public LogRecord {
    // a HashMap, never an immutable map: Flink's Kryo fallback cannot copy those
    attributes = attributes == null ? new HashMap<>() : new HashMap<>(attributes);
    level = level == null ? Level.UNKNOWN : level;
  }

  /**
   * This line with {@code raw} and {@code attributes} in place of its own, the attributes copied
   * into a map of the copy's own (as every record's are).
   */
  public LogRecord withRawAndAttributes(String raw, Map<String, String> attributes) {
    return new LogRecord(
        eventId,
        source,
        line,
        timestamp,
        timestampInferred,
        service,
        host,
        level,
        logger,
        traceId,
        message,
        raw,
        attributes,
        decodeError);
  }

  /** The deterministic id of line {@code line} of {@code source}. */
  public static String eventIdOf(String source, long line) {
    return Ids.hash(source + "\u0000" + line);
  }
}
