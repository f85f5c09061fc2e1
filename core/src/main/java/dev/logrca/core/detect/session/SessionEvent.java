package dev.logrca.core.detect.session;

import dev.logrca.core.model.Level;

/**
 * One line of a session as the detectors see it: when, which service logged it, which template it
 * fits ({@code service:templateId}, so two services' templates never collide), its level, and the
 * line itself for evidence, with its id in the event index when it has one (null otherwise).
 */
public record SessionEvent(
    long timestamp, String service, String template, String message, String eventId, Level level) {
  public SessionEvent {
    if (service == null || template == null) {
      throw new IllegalArgumentException("a session event needs a service and a template");
    }
    level = level == null ? Level.UNKNOWN : level;
  }

  /** A line of unknown level. */
  public SessionEvent(
      long timestamp, String service, String template, String message, String eventId) {
    this(timestamp, service, template, message, eventId, Level.UNKNOWN);
  }

  /** A line of unknown level that is not (or not yet) in the event index. */
  public SessionEvent(long timestamp, String service, String template, String message) {
    this(timestamp, service, template, message, null, Level.UNKNOWN);
  }

  /**
   * Whether the line was logged below WARN, by a logger that said so: news of a template never seen
   * in training is then not alarming by itself ({@link SessionModel#judge}).
   */
  public boolean routine() {
    return level != Level.UNKNOWN && !level.isWarnOrWorse();
  }
}
