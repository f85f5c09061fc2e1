package dev.logrca.rules.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.logrca.core.model.Level;

/**
 * A log line of a scenario, as a decoder would have read it. A message of several lines (a stack
 * trace) continues on lines without a timestamp of their own, as in a log file.
 *
 * @param time when it was logged
 * @param service who logged it
 * @param level its level as the software wrote it ({@code LOG}, {@code WARNING}, {@code E}, 40);
 *     none means the line had no level
 * @param message the message without its header
 * @param host the host or pod, or null
 * @param trace the trace id, or null
 * @param template the template the line belongs to, or null to mine it as the job does
 */
public record ScenarioLine(
    @JsonProperty(required = true) ScenarioTime time,
    @JsonProperty(required = true) String service,
    String level,
    @JsonProperty(required = true) String message,
    String host,
    String trace,
    String template) {

  public ScenarioLine {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("a line needs a service");
    }
    if (message == null) {
      throw new IllegalArgumentException("a line needs a message");
    }
    if (level != null && !level.isBlank() && Level.parse(level) == Level.UNKNOWN) {
      throw new IllegalArgumentException(
          "unknown level \"" + level + "\" (TRACE, DEBUG, INFO, WARN, ERROR, FATAL or a synonym)");
    }
  }

  /** The normalised level; UNKNOWN when the line has none. */
  public Level parsedLevel() {
    return Level.parse(level);
  }
}
