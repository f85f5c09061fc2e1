package dev.logrca.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A group of related abnormal behaviour with its ranked probable root causes.
 *
 * @param id deterministic id, stable while the incident is updated
 * @param start event time of the first sign, epoch millis
 * @param end event time of the last sign, epoch millis
 * @param services every service involved
 * @param rootCauses ranked, best first
 * @param status open while evidence keeps arriving, resolved after a quiet period
 * @param resolvedAt event time the quiet period elapsed, epoch millis; null while open
 */
public record Incident(
    String id,
    long start,
    long end,
    List<String> services,
    List<RootCause> rootCauses,
    IncidentStatus status,
    Long resolvedAt)
    implements java.io.Serializable {

  public Incident {
    services = services == null ? new ArrayList<>() : new ArrayList<>(services);
    rootCauses = rootCauses == null ? new ArrayList<>() : new ArrayList<>(rootCauses);
    status = status == null ? IncidentStatus.OPEN : status;
    if (status == IncidentStatus.OPEN && resolvedAt != null) {
      throw new IllegalArgumentException("an open incident has no resolution time");
    }
    if (status == IncidentStatus.RESOLVED && resolvedAt == null) {
      throw new IllegalArgumentException("a resolved incident needs its resolution time");
    }
  }

  /** An open incident. */
  public Incident(
      String id, long start, long end, List<String> services, List<RootCause> rootCauses) {
    this(id, start, end, services, rootCauses, IncidentStatus.OPEN, null);
  }

  /** True while the incident is open. */
  public boolean isOpen() {
    return status == IncidentStatus.OPEN;
  }

  /** This incident, resolved at event time {@code millis}. */
  public Incident resolve(long millis) {
    return new Incident(id, start, end, services, rootCauses, IncidentStatus.RESOLVED, millis);
  }
}
