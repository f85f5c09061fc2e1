package dev.logrca.rules.correlate;

import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.fact.Hypothesis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * Moves the live facts of a correlation session onto other rules. The old and the new rules each
 * conclude afresh from the same facts, in the order a restore inserts them; only what the new rules
 * conclude differently is news, so the incident builder is not told again what it already knows.
 */
final class RuleReplacement {
  private final LiveFacts facts;

  /** Takes the live facts and the pseudo time of {@code live}, which stays untouched. */
  RuleReplacement(KieSession live) {
    this.facts = new LiveFacts(live);
  }

  /**
   * A new session on {@code rules} holding the facts, fired; what it concluded went to {@code
   * collector} and is no longer in the session, as after a restore.
   */
  KieSession rebuild(CompiledRules rules, HypothesisCollector collector) {
    KieSession session = rules.newSession();
    session.addEventListener(collector);
    if (facts.time > 0) {
      SessionPseudoClock clock = session.getSessionClock();
      clock.advanceTime(facts.time, TimeUnit.MILLISECONDS);
    }
    facts.calls.forEach(session::insert);
    facts.logs.forEach(session::insert);
    facts.anomalies.forEach(session::insert);
    session.fireAllRules();
    for (FactHandle handle :
        new ArrayList<FactHandle>(session.getFactHandles(f -> f instanceof Hypothesis))) {
      session.delete(handle);
    }
    session.removeEventListener(collector);
    return session;
  }

  /** What {@code rules} conclude from the facts, one merged hypothesis per key. */
  List<Hypothesis> conclusions(CompiledRules rules) {
    HypothesisCollector collector = new HypothesisCollector();
    KieSession session = rebuild(rules, collector);
    session.dispose();
    return collector.drain();
  }

  /** The conclusions of {@code after} that {@code before} lacks or holds with other content. */
  static List<Hypothesis> news(List<Hypothesis> after, List<Hypothesis> before) {
    Map<String, Hypothesis> known =
        before.stream()
            .collect(
                Collectors.toMap(Hypothesis::key, Function.identity(), (a, b) -> a, TreeMap::new));
    return after.stream().filter(h -> !same(h, known.get(h.key()))).toList();
  }

  private static boolean same(Hypothesis a, Hypothesis b) {
    return b != null
        && a.getConfidence() == b.getConfidence()
        && Objects.equals(a.getDetail(), b.getDetail())
        && a.getFirstSeen() == b.getFirstSeen()
        && a.getLastSeen() == b.getLastSeen()
        && a.getEvidence().equals(b.getEvidence())
        && a.supportIds().equals(b.supportIds());
  }
}
