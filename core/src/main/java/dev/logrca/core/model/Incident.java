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
 */
public record Incident(
    String id, long start, long end, List<String> services, List<RootCause> rootCauses)
    implements java.io.Serializable {

  public Incident {
    services = services == null ? new ArrayList<>() : new ArrayList<>(services);
    rootCauses = rootCauses == null ? new ArrayList<>() : new ArrayList<>(rootCauses);
  }
}
