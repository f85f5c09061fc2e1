package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines that share a session key (a trace, a request, an HDFS block), in arrival order: the
 * template sequence the order check reads and the template counts the other detectors read.
 */
public final class Session {
  private final String key;
  private final List<SessionEvent> events = new ArrayList<>();
  private long start = Long.MAX_VALUE;
  private long end = Long.MIN_VALUE;

  public Session(String key) {
    this.key = key;
  }

  /** A session holding {@code events} in that order. */
  public static Session of(String key, List<SessionEvent> events) {
    Session session = new Session(key);
    events.forEach(session::add);
    return session;
  }

  public void add(SessionEvent event) {
    events.add(event);
    start = Math.min(start, event.timestamp());
    end = Math.max(end, event.timestamp());
  }

  public String key() {
    return key;
  }

  public List<SessionEvent> events() {
    return events;
  }

  /** The earliest line's time. */
  public long start() {
    return start;
  }

  /** The latest line's time: the session closes after this plus the inactivity gap. */
  public long end() {
    return end;
  }

  /** How many lines of each template, in order of first appearance. */
  public Map<String, Integer> templateCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (SessionEvent e : events) {
      counts.merge(e.template(), 1, Integer::sum);
    }
    return counts;
  }

  /** The first line of {@code template} in this session, or null. */
  public SessionEvent firstOf(String template) {
    for (SessionEvent e : events) {
      if (e.template().equals(template)) {
        return e;
      }
    }
    return null;
  }
}
