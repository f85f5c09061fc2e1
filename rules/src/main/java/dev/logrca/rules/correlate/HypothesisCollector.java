package dev.logrca.rules.correlate;

import dev.logrca.rules.fact.Hypothesis;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;

/**
 * Notes every hypothesis the rules insert or update, so the engine hands the incident builder only
 * what changed, one merged hypothesis per service, category and rule.
 */
final class HypothesisCollector extends DefaultRuleRuntimeEventListener {
  // the session keeps changing the objects it holds, so they are copied only when drained
  private final TreeMap<String, Map<Hypothesis, Boolean>> changed = new TreeMap<>();

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    note(event.getObject());
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    note(event.getObject());
  }

  private void note(Object fact) {
    if (fact instanceof Hypothesis h) {
      changed.computeIfAbsent(h.key(), k -> new IdentityHashMap<>()).put(h, Boolean.TRUE);
    }
  }

  /** What changed since the last drain, merged per key and sorted by key, without forgetting. */
  List<Hypothesis> pending() {
    List<Hypothesis> merged = new ArrayList<>();
    for (Map<Hypothesis, Boolean> versions : changed.values()) {
      Hypothesis result = null;
      for (Hypothesis h : versions.keySet()) {
        if (result == null) {
          result = h.copy();
        } else {
          result.absorb(h);
        }
      }
      merged.add(result);
    }
    return merged;
  }

  /** What changed since the last drain, and forgets it. */
  List<Hypothesis> drain() {
    List<Hypothesis> merged = pending();
    changed.clear();
    return merged;
  }

  /** Takes back hypotheses that were pending when a snapshot was taken. */
  void restore(List<Hypothesis> pending) {
    pending.forEach(this::note);
  }
}
