package dev.logrca.core.decode;

import dev.logrca.core.model.Level;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link JsonLineDecoder} read from a JSON line; every field but {@code attributes} and {@code
 * level} may be null.
 *
 * @param timestamp epoch milliseconds, or null when the line carried no readable time
 * @param service the service the line names
 * @param host the host or pod
 * @param level the level, UNKNOWN when none was recognised
 * @param logger the logger
 * @param traceId the trace id
 * @param message the message, reduced to its content when it was itself a log line with a header
 * @param attributes every other field, flattened to dotted keys, values as text; a mutable map of
 *     this line's own
 * @param error why the line could not be read as JSON, or null
 */
public record JsonLine(
    Long timestamp,
    String service,
    String host,
    Level level,
    String logger,
    String traceId,
    String message,
    Map<String, String> attributes,
    String error) {

  /** A line that starts like JSON but does not parse. */
  static JsonLine malformed(String reason) {
    return new JsonLine(null, null, null, Level.UNKNOWN, null, null, null, new HashMap<>(), reason);
  }
}
