package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The invariants {@link InvariantMiner} found, as a detector: a session that breaks one, or holds a
 * template training never saw, is anomalous; it departs at the first line of a template of the
 * first broken relation (or at the first unseen line).
 */
public final class Invariants implements SessionDetector {
  private final List<InvariantMiner.Invariant> invariants;
  private final TemplateVocabulary vocabulary;

  Invariants(List<InvariantMiner.Invariant> invariants, TemplateVocabulary vocabulary) {
    this.invariants = List.copyOf(invariants);
    this.vocabulary = vocabulary;
  }

  public List<InvariantMiner.Invariant> invariants() {
    return invariants;
  }

  @Override
  public String name() {
    return "invariants";
  }

  @Override
  public Verdict judge(Session session) {
    double[] counts = vocabulary.counts(session);
    SessionEvent unseen = vocabulary.firstUnseen(session);
    List<InvariantMiner.Invariant> broken = new ArrayList<>();
    for (InvariantMiner.Invariant inv : invariants) {
      if (!inv.holds(counts, vocabulary.columnOf(inv.a()), vocabulary.columnOf(inv.b()))) {
        broken.add(inv);
      }
    }
    int score = broken.size() + (unseen != null ? 1 : 0);
    if (score == 0) {
      return Verdict.usual(0, 1);
    }
    if (unseen != null) {
      return new Verdict(true, score, 1, "template never seen in training", unseen);
    }
    return new Verdict(true, score, 1, "breaks " + broken.get(0), departureOf(session, broken));
  }

  /**
   * The odd one out is the template in the most broken relations. Present, it departs at its first
   * line; absent, the session left the path after the last line of the templates it should have
   * matched (a payment authorised whose order was never stored departs at the payment).
   */
  private static SessionEvent departureOf(Session session, List<InvariantMiner.Invariant> broken) {
    Map<String, Integer> involved = new LinkedHashMap<>();
    for (InvariantMiner.Invariant inv : broken) {
      involved.merge(inv.a(), 1, Integer::sum);
      involved.merge(inv.b(), 1, Integer::sum);
    }
    String odd = Collections.max(involved.entrySet(), Map.Entry.comparingByValue()).getKey();
    SessionEvent first = session.firstOf(odd);
    if (first != null) {
      return first;
    }
    Set<String> partners = new HashSet<>();
    for (InvariantMiner.Invariant inv : broken) {
      if (inv.a().equals(odd) || inv.b().equals(odd)) {
        partners.add(inv.a().equals(odd) ? inv.b() : inv.a());
      }
    }
    SessionEvent last = null;
    for (SessionEvent e : session.events()) {
      if (partners.contains(e.template())) {
        last = e;
      }
    }
    return last;
  }
}
