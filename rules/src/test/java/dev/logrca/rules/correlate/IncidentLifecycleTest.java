package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.core.model.Level;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.testing.RuleSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An incident's life through the engine: open, updated, resolved, and what a repeat does. */
class IncidentLifecycleTest {
  private final CorrelationEngine engine =
      new CorrelationEngine(
          RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());

  private List<Incident> diskFull(double seconds) {
    engine.onEvent(
        line("db", seconds, Level.ERROR, "could not write to file: No space left on device"));
    return engine.advanceTo(at(seconds + 1));
  }

  @Test
  void anIncidentOpensIsUpdatedWhileOpenAndResolvesAfterTheQuietPeriod() {
    Incident opened = diskFull(0).get(0);
    assertThat(opened.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(opened.resolvedAt()).isNull();

    // seven minutes on: past the group window, still a repeat of the open incident's root cause
    Incident updated = diskFull(420).get(0);
    assertThat(updated.id()).isEqualTo(opened.id());
    assertThat(updated.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(updated.end()).isEqualTo(at(420));
    assertThat(updated.rootCauses().get(0).evidence()).hasSize(2);

    // healthy lines move time on; ten minutes after the last sign the incident resolves
    List<Incident> reported = new ArrayList<>();
    for (int s = 430; s <= 1100; s += 10) {
      engine.onEvent(line("db", s, Level.INFO, "checkpoint complete"));
      reported.addAll(engine.advanceTo(at(s)));
    }
    assertThat(reported)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo(opened.id());
              assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
              assertThat(i.resolvedAt()).isEqualTo(at(1020));
              assertThat(i.end()).isEqualTo(at(420));
            });
  }

  @Test
  void aRepeatAfterResolutionOpensANewIncident() {
    String first = diskFull(0).get(0).id();
    assertThat(engine.advanceTo(at(700)))
        .singleElement()
        .satisfies(i -> assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED));

    Incident second = diskFull(720).get(0);
    assertThat(second.id()).isNotEqualTo(first);
    assertThat(second.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(second.start()).isEqualTo(at(720));
  }

  @Test
  void errorsOfItsServicesKeepAnIncidentOpenAndTheEndOfInputLeavesItOpen() {
    String id = diskFull(0).get(0).id();
    for (int s = 60; s <= 900; s += 120) {
      // the rule has concluded already; these lines conclude nothing new but show trouble
      engine.onEvent(line("db", s, Level.ERROR, "checkpoint request failed"));
      assertThat(engine.advanceTo(at(s))).allSatisfy(i -> assertThat(i.isOpen()).isTrue());
    }
    assertThat(engine.finish())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo(id);
              assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
            });
  }
}
