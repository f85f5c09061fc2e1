package dev.logrca.index.search;

import dev.logrca.core.model.Incident;

/**
 * A matching incident, with the JSON line analyze printed for it.
 *
 * @param incident the incident, read back from {@code json}
 * @param json exactly what {@code IncidentJson.write} produced when it was indexed
 */
public record IncidentHit(Incident incident, String json) implements Hit {
  @Override
  public long timestamp() {
    return incident.start();
  }
}
