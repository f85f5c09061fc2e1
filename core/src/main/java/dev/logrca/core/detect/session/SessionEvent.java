package dev.logrca.core.detect.session;

/**
 * One line of a session as the detectors see it: when, which service logged it, which template it
 * fits ({@code service:templateId}, so two services' templates never collide), and the line itself
 * for evidence, with its id in the event index when it has one (null otherwise).
 */
public record SessionEvent(
    long timestamp, String service, String template, String message, String eventId) {
  public SessionEvent {
    if (service == null || template == null) {
      throw new IllegalArgumentException("a session event needs a service and a template");
    }
  }

  /** A line that is not (or not yet) in the event index. */
  public SessionEvent(long timestamp, String service, String template, String message) {
    this(timestamp, service, template, message, null);
  }
}
