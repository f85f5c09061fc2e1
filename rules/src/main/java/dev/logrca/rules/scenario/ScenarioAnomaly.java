package dev.logrca.rules.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.logrca.core.model.AnomalyKind;

/**
 * An anomaly a detector would report in a scenario.
 *
 * @param time the start of the abnormal window
 * @param service whose behaviour was abnormal
 * @param kind what the detector saw
 * @param score how sure it is, in [0, 1]
 * @param window the window's length ({@code 1m} when absent); the job hands an anomaly to the rules
 *     when its window ends
 * @param template for a template anomaly, the template (or a line of it) it is about
 */
public record ScenarioAnomaly(
    @JsonProperty(required = true) ScenarioTime time,
    @JsonProperty(required = true) String service,
    @JsonProperty(required = true) AnomalyKind kind,
    @JsonProperty(required = true) double score,
    String window,
    String template) {

  public ScenarioAnomaly {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("an anomaly needs a service");
    }
    if (score < 0 || score > 1) {
      throw new IllegalArgumentException("score must be in [0, 1]: " + score);
    }
    if (window != null && ScenarioTime.duration(window) <= 0) {
      throw new IllegalArgumentException("window \"" + window + "\" is not a duration like 1m");
    }
  }

  /** The window's length in milliseconds. */
  long windowMillis() {
    return window == null ? 60_000 : ScenarioTime.duration(window);
  }
}
