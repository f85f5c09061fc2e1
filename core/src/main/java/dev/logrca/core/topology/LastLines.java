package dev.logrca.core.topology;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last line (service and time) of each recent trace, so each new line of a trace knows the one
 * before it. Bounded twice: at most {@code capacity} traces, and a trace idle for longer than
 * {@code idleMillis} of event time is forgotten (its next line starts afresh: a gap that long is a
 * user thinking, not a hop).
 */
public final class LastLines implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The last line of a trace. */
  public record LastLine(String service, long time) implements Serializable {}

  private final int capacity;
  private final long idleMillis;

  /** Least recently continued first, so the oldest go first. */
  private final LinkedHashMap<String, LastLine> traces = new LinkedHashMap<>();

  /**
   * @param capacity traces remembered at most
   * @param idleMillis event time after which a trace without a line is forgotten
   */
  public LastLines(int capacity, long idleMillis) {
    if (capacity < 1 || idleMillis < 1) {
      throw new IllegalArgumentException("capacity and idle time must be positive");
    }
    this.capacity = capacity;
    this.idleMillis = idleMillis;
  }

  /**
   * Remembers a line of {@code traceId} as its last and returns the line before it, or null when
   * the trace is new (or was forgotten).
   */
  public LastLine next(String traceId, String service, long time) {
    LastLine previous = traces.remove(traceId);
    traces.put(traceId, new LastLine(service, time));
    forgetBefore(time - idleMillis);
    return previous == null || previous.time() < time - idleMillis ? null : previous;
  }

  /** Puts back a trace's last line as it was checkpointed, oldest first. */
  public void restore(String traceId, LastLine line) {
    traces.put(traceId, line);
  }

  /** The traces and their last lines, least recently continued first. */
  public Map<String, LastLine> traces() {
    return java.util.Collections.unmodifiableMap(traces);
  }

  public int size() {
    return traces.size();
  }

  private void forgetBefore(long time) {
    Iterator<LastLine> oldest = traces.values().iterator();
    while (oldest.hasNext()) {
      LastLine line = oldest.next();
      if (traces.size() <= capacity && line.time() >= time) {
        return;
      }
      oldest.remove();
    }
  }
}
