package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.testing.RuleSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swapping the rules of a running engine keeps its facts and incidents. */
class ReplaceRulesTest {
  private static final String LEDGER_RULE = "The ledger reports its journal is stuck";

  @TempDir Path extra;

  /** The shipped rules plus an operator's rule about the ledger's journal. */
  private CompiledRules withLedgerRule() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/dev/logrca/rules/extra_rule.drl.txt")) {
      Files.copy(in, extra.resolve("ledger.drl"));
    }
    return RulePack.load(RulePack.shipped(), extra).compile();
  }

  /** Postgres shuts down at 61 s and payment is refused; the ledger's journal is stuck at 70 s. */
  private static List<Incident> outageUpTo(CorrelationEngine engine, int until) {
    List<Incident> out = new ArrayList<>();
    engine.onEvent(line("postgres", 61, Level.FATAL, "the database system is shutting down"));
    engine.onEvent(line("ledger", 70, Level.ERROR, "journal stuck at offset 42"));
    for (int s = 62; s < until; s += 4) {
      engine.onEvent(line("payment", s, Level.ERROR, "Connection to postgres:5432 refused"));
    }
    out.addAll(engine.advanceTo(at(until)));
    return out;
  }

  private static List<String> rules(Incident incident) {
    return incident.rootCauses().stream().map(RootCause::rule).toList();
  }

  @Test
  void aNewRuleConcludesFromFactsSeenBeforeTheSwapAndFromLaterOnes() throws IOException {
    CorrelationEngine engine =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    List<Incident> before = outageUpTo(engine, 90);
    assertThat(before).isNotEmpty();
    assertThat(before).noneMatch(i -> rules(i).contains(LEDGER_RULE));
    String postgresIncident = before.get(before.size() - 1).id();

    CompiledRules replacement = withLedgerRule();
    engine.replaceRules(replacement);
    assertThat(engine.rules()).isSameAs(replacement);

    // the old line meets the new rule; the unchanged outage is not reported again
    List<Incident> afterSwap = engine.advanceTo(at(91));
    assertThat(afterSwap)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(rules(i)).contains(LEDGER_RULE);
              assertThat(i.services()).containsExactly("ledger");
              assertThat(i.id()).isNotEqualTo(postgresIncident);
            });
    String ledgerIncident = afterSwap.get(0).id();

    // later lines meet the new rule too, and the open incidents keep their ids
    engine.onEvent(line("ledger", 95, Level.ERROR, "journal stuck at offset 43"));
    engine.onEvent(line("payment", 96, Level.ERROR, "Connection to postgres:5432 refused"));
    List<Incident> later = engine.advanceTo(at(100));
    assertThat(later)
        .extracting(Incident::id)
        .containsExactlyInAnyOrder(postgresIncident, ledgerIncident);
    Incident ledger = later.stream().filter(i -> i.id().equals(ledgerIncident)).findFirst().get();
    assertThat(ledger.rootCauses().get(0).evidence()).hasSize(2);
    Incident postgres =
        later.stream().filter(i -> i.id().equals(postgresIncident)).findFirst().get();
    assertThat(postgres.rootCauses().get(0).service()).isEqualTo("postgres");
  }

  @Test
  void swappingToTheSameRulesReportsNothingAndChangesNothing() {
    CorrelationEngine plain =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    List<Incident> plainOut = outageUpTo(plain, 90);
    plainOut.addAll(plain.finish());
    List<String> uninterrupted = plainOut.stream().map(IncidentJson::write).toList();

    CorrelationEngine swapped =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    List<Incident> out = new ArrayList<>();
    swapped.onEvent(line("postgres", 61, Level.FATAL, "the database system is shutting down"));
    swapped.onEvent(line("ledger", 70, Level.ERROR, "journal stuck at offset 42"));
    for (int s = 62; s < 90; s += 4) {
      swapped.onEvent(line("payment", s, Level.ERROR, "Connection to postgres:5432 refused"));
      if (s == 74) {
        // mid-story, with conclusions pending that the incident builder has not seen yet
        swapped.replaceRules(RuleSession.shippedRules());
      }
    }
    out.addAll(swapped.advanceTo(at(90)));
    out.addAll(swapped.finish());

    assertThat(out.stream().map(IncidentJson::write)).containsExactlyElementsOf(uninterrupted);
  }
}
