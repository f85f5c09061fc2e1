package dev.logrca.rules.testing;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.signature.Signatures;
import dev.logrca.rules.signature.Targets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.kie.api.time.SessionPseudoClock;

/**
 * A bare Drools session on the shipped rules for rule tests: insert facts on a pseudo clock, fire,
 * read the hypotheses. Facts are inserted with the dependency the test names, so each rule is
 * tested apart from the engine's name resolution.
 */
public final class RuleSession implements AutoCloseable {
  private static CompiledRules shipped;

  private final KieSession session;

  public RuleSession() {
    this.session = shippedRules().newSession();
  }

  /** The shipped pack, compiled once per test JVM. */
  public static synchronized CompiledRules shippedRules() {
    if (shipped == null) {
      shipped = RulePack.shipped().compile();
    }
    return shipped;
  }

  /** Inserts {@code event} as a fact blaming {@code dependency} (or nobody), then fires. */
  public LogFact log(LogEvent event, String dependency) {
    advanceTo(event.timestamp());
    LogFact fact =
        new LogFact(
            event, Signatures.find(event.message()), Targets.find(event.message()), dependency);
    session.insert(fact);
    session.fireAllRules();
    return fact;
  }

  /** Inserts {@code anomaly}, then fires. */
  public AnomalyFact anomaly(Anomaly anomaly) {
    AnomalyFact fact = new AnomalyFact(anomaly);
    session.insert(fact);
    session.fireAllRules();
    return fact;
  }

  /** Moves the pseudo clock forward to {@code time} and fires. */
  public void advanceTo(long time) {
    SessionPseudoClock clock = session.getSessionClock();
    if (time > clock.getCurrentTime()) {
      clock.advanceTime(time - clock.getCurrentTime(), TimeUnit.MILLISECONDS);
    }
    session.fireAllRules();
  }

  /** Every hypothesis in the session, by key. */
  public List<Hypothesis> hypotheses() {
    List<Hypothesis> result = new ArrayList<>();
    for (Object o : session.getObjects(o -> o instanceof Hypothesis)) {
      result.add((Hypothesis) o);
    }
    result.sort(Comparator.comparing(Hypothesis::key));
    return result;
  }

  /** The hypothesis concluded by {@code rule}; fails when there is none. */
  public Hypothesis concluded(String rule) {
    return hypotheses().stream()
        .filter(h -> h.getRule().equals(rule))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no conclusion of \"" + rule + "\" in " + hypotheses()));
  }

  /** How many facts of {@code type} are live. */
  public long count(Class<?> type) {
    return session.getObjects(type::isInstance).size();
  }

  @Override
  public void close() {
    session.dispose();
  }
}
