package dev.logrca.core.detect.session;

/**
 * One line of a session as the detectors see it: when, which service logged it, which template it
 * fits ({@code service:templateId}, so two services' templates never collide), and the line itself
 * for evidence.
 */
public record SessionEvent(long timestamp, String service, String template, String message) {
  public SessionEvent {
    if (service == null || template == null) {
      throw new IllegalArgumentException("a session event needs a service and a template");
    }
  }
}
