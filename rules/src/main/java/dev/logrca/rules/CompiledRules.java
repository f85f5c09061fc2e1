package dev.logrca.rules;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;

/**
 * A compiled rule pack: a stream-mode Drools knowledge base that opens sessions on a pseudo clock,
 * so time moves only when the caller says and a replay gives the same conclusions.
 */
public final class CompiledRules {
  private final RulePack source;
  private final KieBase kieBase;

  CompiledRules(RulePack source, KieBase kieBase) {
    this.source = source;
    this.kieBase = kieBase;
  }

  /** The pack these rules were compiled from. */
  public RulePack source() {
    return source;
  }

  /** The Drools knowledge base. */
  public KieBase kieBase() {
    return kieBase;
  }

  /**
   * The names of every rule, sorted by package then name, e.g. {@code dependency: ...}. Queries,
   * which Drools keeps among the rules, are left out: they conclude nothing and never fire.
   */
  public java.util.List<String> ruleNames() {
    return kieBase.getKiePackages().stream()
        .flatMap(
            p -> {
              java.util.Set<String> queries = new java.util.HashSet<>();
              p.getQueries().forEach(q -> queries.add(q.getName()));
              return p.getRules().stream().filter(r -> !queries.contains(r.getName()));
            })
        .map(r -> r.getPackageName() + ": " + r.getName())
        .sorted()
        .toList();
  }

  /** A new session whose clock starts at 0 and moves only when advanced. */
  public KieSession newSession() {
    KieSessionConfiguration conf = KieServices.Factory.get().newKieSessionConfiguration();
    conf.setOption(ClockTypeOption.PSEUDO);
    return kieBase.newKieSession(conf, null);
  }
}
