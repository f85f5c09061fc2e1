package dev.logrca.core.model;

import java.util.Locale;

/**
 * Where an incident is in its life: {@code open} while evidence keeps arriving, {@code resolved}
 * once its services have been quiet for the quiet period.
 */
public enum IncidentStatus {
  OPEN,
  RESOLVED;

  /** The name in JSON and in the incident index: {@code open} or {@code resolved}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status named {@code id}, in any case; an incident stored before statuses is open. */
  public static IncidentStatus of(String id) {
    if (id == null || id.isBlank()) {
      return OPEN;
    }
    return valueOf(id.strip().toUpperCase(Locale.ROOT));
  }
}
