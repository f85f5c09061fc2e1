package dev.logrca.core.decode;

import dev.logrca.core.model.Level;
import java.util.Map;

/**
 * What {@link PlainLineDecoder} read from a plain text line.
 *
 * @param hasTimestamp whether the line carried a timestamp of its own
 * @param timestamp the line's timestamp in epoch milliseconds, meaningful only when it had one
 * @param level the level, UNKNOWN when the line named none
 * @param logger the logger, component or program, or null
 * @param host the host a syslog line names, or null
 * @param message the line without its header
 * @param attributes other header parts worth keeping (thread, pid, HTTP status); never null, a
 *     mutable map of this line's own
 */
public record PlainLine(
    boolean hasTimestamp,
    long timestamp,
    Level level,
    String logger,
    String host,
    String message,
    Map<String, String> attributes) {

  /** True when the line had a header: a timestamp, or a level with a logger. */
  public boolean hasHeader() {
    return hasTimestamp || (level != Level.UNKNOWN && logger != null);
  }
}
