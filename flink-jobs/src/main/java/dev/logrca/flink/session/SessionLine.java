package dev.logrca.flink.session;

import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.model.Level;

/**
 * A line on its way to its session: the session key and the line as the detectors see it. A POJO so
 * that Flink serialises it field by field between the miner and the session stage.
 */
public final class SessionLine {
  public String key;
  public long timestamp;
  public String service;
  public String template;
  public String message;
  public String eventId;
  public Level level;

  /** For Flink's POJO serializer; use {@link #of}. */
  public SessionLine() {}

  public static SessionLine of(String key, SessionEvent event) {
    SessionLine line = new SessionLine();
    line.key = key;
    line.timestamp = event.timestamp();
    line.service = event.service();
    line.template = event.template();
    line.message = event.message();
    line.eventId = event.eventId();
    line.level = event.level();
    return line;
  }

  public String getKey() {
    return key;
  }

  public SessionEvent event() {
    return new SessionEvent(timestamp, service, template, message, eventId, level);
  }
}
