package dev.logrca.rules.correlate;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.Level;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.testing.RuleSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotRestoreTest {

  /** A story in steps: two incidents, anomalies, window rules, a resolution in between. */
  private static List<Consumer<CorrelationEngine>> story(List<Incident> out) {
    List<Consumer<CorrelationEngine>> steps = new ArrayList<>();
    for (int s = 0; s < 60; s += 10) {
      int t = s;
      steps.add(e -> e.onEvent(line("checkout", t, Level.INFO, "GET /cart 200")));
    }
    steps.add(
        e -> e.onEvent(line("postgres", 61, Level.FATAL, "the database system is shutting down")));
    for (int s = 62; s < 100; s += 4) {
      int t = s;
      steps.add(
          e -> e.onEvent(line("payment", t, Level.ERROR, "Connection to postgres:5432 refused")));
      steps.add(e -> out.addAll(e.advanceTo(at(t + 1))));
    }
    steps.add(e -> e.onAnomaly(anomaly("payment", AnomalyKind.ERROR_SURGE, 60, 0.95)));
    steps.add(e -> out.addAll(e.advanceTo(at(130))));
    // quiet, then a different problem elsewhere
    steps.add(e -> out.addAll(e.advanceTo(at(700))));
    for (int s = 700; s < 760; s += 15) {
      int t = s;
      steps.add(
          e ->
              e.onEvent(
                  line("search", t, Level.ERROR, "java.lang.OutOfMemoryError: Java heap space")));
      steps.add(
          e ->
              e.onEvent(
                  line(
                      "web",
                      t + 1,
                      Level.ERROR,
                      "upstream timed out (110: Connection timed out) while reading response header from"
                          + " upstream, upstream: \"http://search:9200/q\"")));
    }
    steps.add(e -> out.addAll(e.advanceTo(at(800))));
    steps.add(e -> out.addAll(e.finish()));
    return steps;
  }

  private static List<String> run(int snapshotAt) throws Exception {
    List<Incident> out = new ArrayList<>();
    List<Consumer<CorrelationEngine>> steps = story(out);
    CorrelationEngine engine =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    for (int i = 0; i < steps.size(); i++) {
      if (i == snapshotAt) {
        CorrelationState state = roundTrip(engine.snapshot());
        engine = CorrelationEngine.restore(RuleSession.shippedRules(), state);
      }
      steps.get(i).accept(engine);
    }
    return out.stream().map(IncidentJson::write).toList();
  }

  private static CorrelationState roundTrip(CorrelationState state) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(state);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (CorrelationState) in.readObject();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 7, 8, 12, 17, 26, 27, 29, 31, 35})
  void restoreAndContinueGivesTheSameIncidentsAsAnUninterruptedRun(int snapshotAt)
      throws Exception {
    List<String> uninterrupted = run(-1);
    assertThat(uninterrupted).hasSizeGreaterThan(3);
    assertThat(run(snapshotAt)).containsExactlyElementsOf(uninterrupted);
  }

  @Test
  void theStoryHasTwoIncidents() throws Exception {
    assertThat(run(-1).stream().map(IncidentJson::read).map(Incident::id).distinct()).hasSize(2);
  }

  @Test
  void aSnapshotKeepsOnlyLiveFacts() {
    CorrelationEngine engine =
        new CorrelationEngine(
            RuleSession.shippedRules(), new Topology(), CorrelationConfig.defaults());
    engine.onEvent(line("postgres", 0, Level.FATAL, "the database system is shutting down"));
    engine.onEvent(line("postgres", 1, Level.INFO, "checkpoint complete"));
    assertThat(engine.snapshot().liveFacts()).isEqualTo(1);
    engine.advanceTo(at(3600));
    assertThat(engine.snapshot().liveFacts()).isZero();
    assertThat(engine.snapshot().clock()).isEqualTo(at(3600));
  }
}
