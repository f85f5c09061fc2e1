package dev.logrca.rules.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A story for the rules: log lines and anomalies in time, an optional call graph, and the root
 * cause the engine must find (or that it must find no incident).
 *
 * @param name what the scenario shows, printed with its result
 * @param start the instant {@code +offset} times count from (2026-01-01T00:00:00Z when absent)
 * @param topology who calls whom ({@code checkout: [payment, cart]}); absent, the calls are
 *     inferred from the logs as the job does
 * @param lines the log lines
 * @param anomalies the detectors' anomalies
 * @param expect the expected top root cause, unless {@code expectNoIncident}
 * @param expectNoIncident true when the story must give no incident at all
 */
public record Scenario(
    @JsonProperty(required = true) String name,
    ScenarioTime start,
    Map<String, List<String>> topology,
    List<ScenarioLine> lines,
    List<ScenarioAnomaly> anomalies,
    Expectation expect,
    boolean expectNoIncident) {

  private static final long DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  public Scenario {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a scenario needs a name");
    }
    if (start != null && start.relative()) {
      throw new IllegalArgumentException("start must be an instant, not an offset");
    }
    Map<String, List<String>> calls = new LinkedHashMap<>();
    if (topology != null) {
      // "cart:" with nothing after it is a service that calls nobody
      topology.forEach(
          (caller, callees) -> calls.put(caller, callees == null ? List.of() : callees));
    }
    topology = Collections.unmodifiableMap(calls);
    lines = lines == null ? List.of() : List.copyOf(lines);
    anomalies = anomalies == null ? List.of() : List.copyOf(anomalies);
    if (lines.isEmpty() && anomalies.isEmpty()) {
      throw new IllegalArgumentException("scenario \"" + name + "\" has no lines and no anomalies");
    }
    if ((expect == null) == !expectNoIncident) {
      throw new IllegalArgumentException(
          "scenario \"" + name + "\" needs exactly one of expect and expectNoIncident: true");
    }
  }

  /** Epoch milliseconds that offsets count from. */
  long startMillis() {
    return start == null ? DEFAULT_START : start.millis();
  }
}
