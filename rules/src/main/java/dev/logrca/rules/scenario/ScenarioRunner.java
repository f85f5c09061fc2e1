package dev.logrca.rules.scenario;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.core.topology.TopologyInference;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.correlate.CorrelationEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plays a scenario through the real {@link CorrelationEngine} the way the job's correlation
 * operator does: inputs released once per second of event time in time order (events first, an
 * anomaly when its window ends), the call graph inferred from the lines unless the scenario gives
 * one, {@code advanceTo} after each second and {@code finish} at the end; then compares the top
 * root cause with what the scenario expects.
 */
public final class ScenarioRunner {
  /** The job releases inputs to the engine once per second of event time. */
  private static final long TICK_MILLIS = 1000;

  private final CompiledRules rules;

  /** A runner on compiled rules (compile once, run many scenarios). */
  public ScenarioRunner(CompiledRules rules) {
    this.rules = rules;
  }

  /** Runs {@code scenario}, read from {@code origin}. */
  public ScenarioResult run(Scenario scenario, String origin) {
    RuleFirings firings = new RuleFirings();
    List<Incident> incidents;
    try {
      incidents = play(scenario, firings);
    } catch (IllegalArgumentException e) {
      return new ScenarioResult(
          scenario, origin, false, "an error: " + e.getMessage(), firings.fired);
    }
    Incident main =
        incidents.stream()
            .filter(i -> !i.rootCauses().isEmpty())
            .max(
                Comparator.comparingDouble((Incident i) -> i.rootCauses().get(0).score())
                    .thenComparing(Comparator.comparingLong(Incident::start).reversed()))
            .orElse(null);
    RootCause top = main == null ? null : main.rootCauses().get(0);
    return new ScenarioResult(
        scenario, origin, passes(scenario, top, firings), describe(top), firings.fired);
  }

  private static boolean passes(Scenario scenario, RootCause top, RuleFirings firings) {
    if (scenario.expectNoIncident()) {
      return top == null;
    }
    Expectation expect = scenario.expect();
    return top != null
        && top.service().equals(expect.service())
        && top.category().equals(expect.category())
        && (expect.rule() == null
            || firings.concluded(expect.rule(), top.service(), top.category()));
  }

  private static String describe(RootCause top) {
    if (top == null) {
      return "no incident";
    }
    return String.format(
        Locale.ROOT,
        "%s %s (%.2f) by \"%s\"",
        top.service(),
        top.category(),
        top.score(),
        top.rule());
  }

  /** Every incident the engine reported, in its last version. */
  private List<Incident> play(Scenario scenario, RuleFirings firings) {
    ScenarioInputs inputs = new ScenarioInputs(scenario);
    Topology configured = topology(scenario.topology());
    CorrelationEngine engine =
        new CorrelationEngine(rules, configured, CorrelationConfig.defaults());
    engine.addEventListener(firings.agenda);
    engine.addEventListener(firings.facts);
    TopologyInference inference = new TopologyInference();
    Map<String, Incident> reported = new LinkedHashMap<>();
    try {
      for (Map.Entry<Long, List<Object>> second : bySecond(inputs).entrySet()) {
        for (Object input : second.getValue()) {
          if (input instanceof LogEvent event) {
            inference.observe(event);
            engine.onEvent(event);
          } else {
            engine.onAnomaly((Anomaly) input);
          }
        }
        if (configured.isEmpty()) {
          engine.observeTopology(inference.current());
        }
        engine.advanceTo(second.getKey()).forEach(i -> reported.put(i.id(), i));
      }
      engine.finish().forEach(i -> reported.put(i.id(), i));
    } finally {
      engine.close();
    }
    return new ArrayList<>(reported.values());
  }

  /** Inputs by the end of the second the job releases them in, each second in time order. */
  private static TreeMap<Long, List<Object>> bySecond(ScenarioInputs inputs) {
    TreeMap<Long, List<Object>> seconds = new TreeMap<>();
    // events come sorted by time already; an anomaly goes in when its window ends, after events
    for (LogEvent e : inputs.events) {
      seconds.computeIfAbsent(tick(e.timestamp()), t -> new ArrayList<>()).add(e);
    }
    List<Anomaly> anomalies = new ArrayList<>(inputs.anomalies);
    anomalies.sort(Comparator.comparingLong(Anomaly::windowEnd).thenComparing(Anomaly::id));
    for (Anomaly a : anomalies) {
      seconds.computeIfAbsent(tick(a.windowEnd() - 1), t -> new ArrayList<>()).add(a);
    }
    seconds.values().forEach(list -> list.sort(Comparator.comparingLong(ScenarioRunner::time)));
    return seconds;
  }

  private static long time(Object input) {
    return input instanceof LogEvent e ? e.timestamp() : ((Anomaly) input).windowEnd() - 1;
  }

  private static long tick(long time) {
    return time - Math.floorMod(time, TICK_MILLIS) + TICK_MILLIS - 1;
  }

  private static Topology topology(Map<String, List<String>> calls) {
    Topology topology = new Topology();
    calls.forEach(
        (caller, callees) -> {
          topology.addService(caller);
          callees.forEach(callee -> topology.addCall(caller, callee));
        });
    return topology;
  }
}
