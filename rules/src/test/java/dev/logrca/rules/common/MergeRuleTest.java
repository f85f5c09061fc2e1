package dev.logrca.rules.common;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.testing.RuleSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MergeRuleTest {
  private final RuleSession rules = new RuleSession();

  @AfterEach
  void close() {
    rules.close();
  }

  @Test
  void repeatedConclusionsMergeIntoOneSpanningAllTheirLines() {
    for (int i = 0; i < 4; i++) {
      rules.log(
          line("postgres", i * 10, Level.FATAL, "the database system is shutting down"), null);
    }
    assertThat(rules.hypotheses()).hasSize(1);
    Hypothesis h = rules.hypotheses().get(0);
    assertThat(h.getSupport()).isEqualTo(4);
    assertThat(h.getFirstSeen()).isEqualTo(at(0));
    assertThat(h.getLastSeen()).isEqualTo(at(30));
  }

  @Test
  void factsExpireSoMemoryStaysBounded() {
    rules.log(line("postgres", 0, Level.FATAL, "the database system is shutting down"), null);
    assertThat(rules.count(LogFact.class)).isEqualTo(1);
    rules.advanceTo(at(11 * 60));
    assertThat(rules.count(LogFact.class)).isZero();
    rules.advanceTo(at(31 * 60));
    assertThat(rules.count(Hypothesis.class)).isZero();
  }
}
