package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Groups lines into sessions by key and closes a session once event time has moved {@code idleMs}
 * past its last line: a trace or block that has gone quiet is complete enough to be judged. Time is
 * the lines' own (event time), so a replay closes the same sessions as the live run did.
 */
public final class Sessionizer {
  private final long idleMs;

  /** In the order sessions last took a line: for time-ordered input, the idlest first. */
  private final LinkedHashMap<String, Session> open = new LinkedHashMap<>(16, 0.75f, true);

  private long latest = Long.MIN_VALUE;

  public Sessionizer(long idleMs) {
    if (idleMs <= 0) {
      throw new IllegalArgumentException("the inactivity gap must be positive, was " + idleMs);
    }
    this.idleMs = idleMs;
  }

  /**
   * Adds a line to its session and returns the sessions that this line's time closed (oldest
   * first); a line older than the latest one seen still joins its session if it is open.
   */
  public List<Session> add(String key, SessionEvent event) {
    open.computeIfAbsent(key, Session::new).add(event); // touches: moves the session last
    latest = Math.max(latest, event.timestamp());
    return closeIdleBefore(latest - idleMs);
  }

  /** Closes every session, as at the end of the input; oldest first. */
  public List<Session> closeAll() {
    return closeIdleBefore(Long.MAX_VALUE);
  }

  /** How many sessions are open. */
  public int openSessions() {
    return open.size();
  }

  /**
   * Closes idle sessions from the least recently touched on, stopping at the first that is not
   * idle, so a line costs constant time; a session that took a line out of time order may close a
   * little later than its gap, never earlier.
   */
  private List<Session> closeIdleBefore(long cutoff) {
    List<Session> closed = new ArrayList<>();
    for (Iterator<Session> it = open.values().iterator(); it.hasNext(); ) {
      Session s = it.next();
      if (s.end() >= cutoff) {
        break;
      }
      closed.add(s);
      it.remove();
    }
    closed.sort(Comparator.comparingLong(Session::start).thenComparing(Session::key));
    return closed;
  }
}
