package dev.logrca.rules.scenario;

import dev.logrca.rules.fact.Hypothesis;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;

/** Notes which rules fired and which (service, category) each of them concluded. */
final class RuleFirings {
  final Set<String> fired = new TreeSet<>();
  final Set<String> conclusions = new TreeSet<>();

  final DefaultAgendaEventListener agenda =
      new DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          fired.add(qualifiedName(event.getMatch().getRule()));
        }
      };

  final DefaultRuleRuntimeEventListener facts =
      new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
          note(event.getObject());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
          note(event.getObject());
        }
      };

  private void note(Object fact) {
    if (fact instanceof Hypothesis h) {
      conclusions.add(conclusion(h.getRule(), h.getService(), h.getCategory()));
    }
  }

  /** True when {@code rule} concluded that {@code service} failed in {@code category}. */
  boolean concluded(String rule, String service, String category) {
    return conclusions.contains(conclusion(rule, service, category));
  }

  /** A rule as {@code CompiledRules.ruleNames()} lists it: {@code package: name}. */
  static String qualifiedName(org.kie.api.definition.rule.Rule rule) {
    return rule.getPackageName() + ": " + rule.getName();
  }

  private static String conclusion(String rule, String service, String category) {
    return rule + "\u0000" + service + "\u0000" + category;
  }
}
