package dev.logrca.rules.correlate;

import dev.logrca.core.topology.Topology;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Calls;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * The Drools session a correlation engine runs its rules in: its pseudo clock, the calls it was
 * told, and the hypotheses the rules concluded and the engine has not taken yet. A swap of rules
 * rebuilds it from its live facts.
 */
final class CorrelationSession {
  private CompiledRules rules;
  private KieSession session;
  private final HypothesisCollector collector = new HypothesisCollector();
  private final Set<Calls> insertedCalls = new HashSet<>();

  CorrelationSession(CompiledRules rules) {
    this.rules = rules;
    this.session = rules.newSession();
    this.session.addEventListener(collector);
  }

  CompiledRules rules() {
    return rules;
  }

  void insert(Object fact) {
    session.insert(fact);
  }

  /**
   * Inserts {@code fact} and fires: rules over sliding windows must see each fact before the window
   * moves on.
   */
  void insertAndFire(Object fact) {
    session.insert(fact);
    session.fireAllRules();
  }

  void fire() {
    session.fireAllRules();
  }

  /** Moves the pseudo clock forward to {@code time}; it never goes back. */
  void advanceClockTo(long time) {
    SessionPseudoClock pseudo = session.getSessionClock();
    long delta = time - pseudo.getCurrentTime();
    if (delta > 0) {
      pseudo.advanceTime(delta, TimeUnit.MILLISECONDS);
    }
  }

  /** Inserts each call of {@code current} the session has not been told yet. */
  void insertCalls(Topology current) {
    for (String caller : current.services()) {
      for (String callee : current.callees(caller)) {
        Calls call = new Calls(caller, callee);
        if (insertedCalls.add(call)) {
          session.insert(call);
        }
      }
    }
  }

  /** The facts the session holds now, in the order a restore inserts them. */
  LiveFacts liveFacts() {
    return new LiveFacts(session);
  }

  /** Hypotheses concluded but not yet drained, as a snapshot keeps them. */
  List<Hypothesis> pendingHypotheses() {
    return collector.pending();
  }

  /**
   * Takes back a snapshot's live facts and the hypotheses then pending. What the rules conclude
   * again from the facts had been reported before the snapshot, so it is dropped.
   */
  void resume(List<LogFact> logs, List<AnomalyFact> anomalies, List<Hypothesis> pending) {
    logs.forEach(session::insert);
    anomalies.forEach(session::insert);
    session.fireAllRules();
    drainHypotheses();
    collector.restore(pending);
  }

  /** Hypotheses changed since the last call; the incident builder owns them from here on. */
  List<Hypothesis> drainHypotheses() {
    List<Hypothesis> changed = collector.drain();
    // a class filter reads the hypotheses' own store, not every live line (Drools' object store)
    for (FactHandle handle :
        new ArrayList<FactHandle>(
            session.getFactHandles(new ClassObjectFilter(Hypothesis.class)))) {
      session.delete(handle);
    }
    return changed;
  }

  /**
   * Runs {@code replacement} from now on on the same live facts; what it concludes that the old
   * rules do not is pending, to be drained.
   */
  void replaceRules(CompiledRules replacement) {
    session.fireAllRules();
    RuleReplacement move = new RuleReplacement(session);
    List<Hypothesis> before = move.conclusions(rules);
    HypothesisCollector fresh = new HypothesisCollector();
    KieSession next = move.rebuild(replacement, fresh);
    next.addEventListener(collector);
    collector.restore(RuleReplacement.news(fresh.drain(), before));
    session.dispose();
    session = next;
    rules = replacement;
  }

  void addEventListener(AgendaEventListener listener) {
    session.addEventListener(listener);
  }

  void addEventListener(RuleRuntimeEventListener listener) {
    session.addEventListener(listener);
  }

  void close() {
    session.dispose();
  }
}
