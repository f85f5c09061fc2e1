package dev.logrca.core.detect;

import static dev.logrca.core.detect.SyntheticService.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateMixShiftTest {
  private final DetectorConfig config = DetectorConfig.defaults();

  /** A service whose requests log a lookup, a quote and a confirmation, no error at all. */
  private static SyntheticService booking(long seed) {
    return new SyntheticService("booking", seed)
        .template("route looked up", Level.INFO, 30)
        .template("price quoted", Level.INFO, 30)
        .template("seat confirmed", Level.INFO, 30)
        .template("fallback quote used", Level.INFO, 0.5);
  }

  private static List<Anomaly> shifts(ServiceBehaviour b, SyntheticService s, int from, int to) {
    List<Anomaly> all = new ArrayList<>();
    for (int i = from; i < to; i++) {
      b.observe(s.window(i)).stream()
          .filter(a -> a.kind() == AnomalyKind.MIX_SHIFT)
          .forEach(all::add);
    }
    return all;
  }

  @Test
  void aSteadyMixShiftsNeverOverManySeeds() {
    for (long seed = 1; seed <= 8; seed++) {
      assertThat(shifts(new ServiceBehaviour(config), booking(seed), 0, 200))
          .as("seed %d", seed)
          .isEmpty();
    }
  }

  @Test
  void confirmationsReplacedByFallbacksWithoutAnErrorAreAShiftNamingWhatMoved() {
    SyntheticService booking = booking(3);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    assertThat(shifts(behaviour, booking, 0, 60)).isEmpty();
    // the seat service's answer is swallowed: no confirmation, the quote falls back instead
    booking
        .template("seat confirmed", Level.INFO, 0)
        .template("fallback quote used", Level.INFO, 30);
    List<Anomaly> found = shifts(behaviour, booking, 60, 61);

    assertThat(found).hasSize(1);
    Anomaly shift = found.get(0);
    assertThat(shift.windowStart()).isEqualTo(60 * WINDOW);
    assertThat(shift.observed()).isGreaterThan(TemplateMixShift.MIN_DIVERGENCE);
    assertThat(shift.observed()).isGreaterThan(shift.expected());
    assertThat(shift.score()).isBetween(0.5, TemplateMixShift.MAX_SCORE);
    assertThat(shift.templateId()).isIn("booking:seat confirmed", "booking:fallback quote used");
    // the templates that rose are cited by their first line; the one gone has none to cite
    assertThat(shift.evidence())
        .isNotEmpty()
        .extracting(Evidence::templateId)
        .containsOnly("booking:fallback quote used");
  }

  @Test
  void aTemplateThatVanishedIsNamedByItsLastText() {
    SyntheticService booking = booking(4);
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    shifts(behaviour, booking, 0, 60);
    booking.template("seat confirmed", Level.INFO, 0);
    booking.template("route looked up", Level.INFO, 60);
    List<Anomaly> found = shifts(behaviour, booking, 60, 61);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).templateId()).isEqualTo("booking:seat confirmed");
    assertThat(found.get(0).template()).isEqualTo("seat confirmed <*> happened");
  }

  @Test
  void theDivergenceIsZeroForEqualMixesAndOneBitForDisjointOnes() {
    assertThat(TemplateMixShift.divergence(Map.of("a", 0.5, "b", 0.5), Map.of("a", 0.5, "b", 0.5)))
        .isZero();
    assertThat(TemplateMixShift.divergence(Map.of("a", 1.0), Map.of("b", 1.0))).isEqualTo(1.0);
  }
}
