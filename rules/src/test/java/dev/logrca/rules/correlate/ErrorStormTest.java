package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * An error storm: repeated lines of one kind are folded into one fact per second, so the work the
 * rules do and the state they keep are bounded by kinds of line and seconds, not by lines, and the
 * conclusions stay those of counting every line.
 */
class ErrorStormTest {
  private static final String[] CALLERS = {"payment", "checkout", "cart"};

  /** Counts the line facts handed to the rule session. */
  private static final class InsertedLines extends DefaultRuleRuntimeEventListener {
    int count;

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getObject() instanceof LogFact) {
        count++;
      }
    }
  }

  private static CorrelationEngine engine() {
    return new CorrelationEngine(
        RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
  }

  /** A caller's refused call for order {@code order}: one template, a different message each. */
  private static LogEvent refused(String caller, double seconds, int order) {
    LogEvent e =
        line(
            caller,
            seconds,
            Level.ERROR,
            "order " + order + " failed: dial tcp postgres:5432: connect: connection refused");
    return new LogEvent(
        e.record(),
        caller + ":refused",
        "order <*> failed: dial tcp postgres:5432: connect: connection refused",
        List.of(),
        false);
  }

  @Test
  void aHundredThousandLinesKeepFactsAndEvidenceBounded() {
    CorrelationEngine engine = engine();
    InsertedLines inserted = new InsertedLines();
    engine.addEventListener(inserted);
    List<Incident> updates = new ArrayList<>();
    int seconds = 200;
    int perSecond = 500;
    int maxLive = 0;
    for (int s = 0; s < seconds; s++) {
      for (int i = 0; i < perSecond; i++) {
        engine.onEvent(refused(CALLERS[i % CALLERS.length], s + i / (double) perSecond, i));
      }
      updates.addAll(engine.advanceTo(at(s + 1)));
      if (s % 20 == 19) {
        maxLive = Math.max(maxLive, engine.snapshot().liveFacts());
      }
    }
    updates.addAll(engine.finish());

    // one fact per caller per second, whatever the rate
    assertThat(inserted.count).isLessThanOrEqualTo(CALLERS.length * seconds);
    assertThat(maxLive).isLessThanOrEqualTo(CALLERS.length * seconds + 1);
    RootCause top = updates.get(updates.size() - 1).rootCauses().get(0);
    assertThat(top.service()).isEqualTo("postgres");
    assertThat(top.category()).isEqualTo("dependency.down");
    assertThat(updates)
        .allSatisfy(
            incident -> assertThat(incident.rootCauses()).allMatch(c -> c.evidence().size() <= 10));
    // the earliest lines of the storm are the evidence, as when every line was a fact
    assertThat(top.evidence().get(0).message()).startsWith("order 0 failed");
  }

  @Test
  void linesOfOneSecondCountOneByOneInTheRules() {
    CorrelationEngine engine = engine();
    InsertedLines inserted = new InsertedLines();
    engine.addEventListener(inserted);
    for (int i = 0; i < 6; i++) {
      engine.onEvent(refused("payment", 10 + i / 10.0, i));
    }
    List<Incident> updates = engine.advanceTo(at(11));

    assertThat(inserted.count).isEqualTo(1);
    assertThat(updates).isNotEmpty();
    RootCause top = updates.get(0).rootCauses().get(0);
    assertThat(top.service()).isEqualTo("postgres");
    // six lines in one fact are six refusals: "again and again" needs five
    assertThat(updates.get(0).rootCauses())
        .anyMatch(c -> c.rule().equals("Callers keep being refused by the same dependency"));
    assertThat(top.evidence()).hasSize(6);
  }
}
