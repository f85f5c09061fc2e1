package dev.logrca.rules.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.StateInput;
import dev.logrca.core.model.StateOutput;
import dev.logrca.rules.testing.RuleSession;
import dev.logrca.rules.testing.StateStory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The correlation state's explicit format: every field of every type it holds survives a round trip
 * (compared field by field, recursively), equal states give equal bytes, an engine restored from it
 * ends the story with the incidents of the engine that never stopped, and bytes it cannot read fail
 * with a reason.
 */
class CorrelationStateFormatTest {

  private static byte[] write(CorrelationState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateOutput out = new StateOutput(bytes)) {
      CorrelationStateFormat.write(state, out);
    }
    return bytes.toByteArray();
  }

  private static CorrelationState read(int format, byte[] bytes) throws IOException {
    try (StateInput in = new StateInput(new ByteArrayInputStream(bytes))) {
      return CorrelationStateFormat.read(format, in);
    }
  }

  /** The engine's own state at the pause, not a copy made through the format under test. */
  private static CorrelationState pausedStory() {
    CorrelationEngine engine = StateStory.untilPause(RuleSession.shippedRules(), new ArrayList<>());
    CorrelationState state = engine.liveState();
    engine.close();
    return state;
  }

  @Test
  void theStoryLeavesSomethingOfEveryKindInTheState() {
    CorrelationState state = pausedStory();
    assertThat(state.logs).isNotEmpty();
    assertThat(state.anomalies).isNotEmpty();
    assertThat(state.pendingAnomalies).isNotEmpty();
    assertThat(state.logs).anyMatch(f -> f.getRepeats() > 1);
    assertThat(state.repeated.size()).isPositive();
    assertThat(state.folder.pending.values()).anyMatch(p -> !p.details.isEmpty());
    assertThat(state.incidents.openCount()).isPositive();
    assertThat(state.configured.services()).isNotEmpty();
    assertThat(state.observed.hasCalls()).isTrue();
    assertThat(state.activity.nameOfAddress).isNotEmpty();
    assertThat(state.activity.serviceOfHost).isNotEmpty();
  }

  @Test
  void everyFieldSurvivesARoundTripAndEqualStatesWriteEqualBytes() throws IOException {
    CorrelationState state = pausedStory();
    byte[] bytes = write(state);
    CorrelationState back = read(CorrelationStateFormat.FORMAT, bytes);
    assertThat(back)
        .usingRecursiveComparison()
        // derived on demand: a conclusion's key, the ranker of the incident builder
        .ignoringFieldsMatchingRegexes(".*\\.key", ".*\\.ranker")
        .isEqualTo(state);
    assertThat(write(back)).isEqualTo(bytes);
    assertThat(write(pausedStory())).as("a second run of the same story").isEqualTo(bytes);
    assertThat(write(back.deepCopy())).as("a snapshot's copy").isEqualTo(bytes);
  }

  @Test
  void anEngineRestoredFromTheFormatEndsTheStoryLikeOneThatNeverStopped() throws IOException {
    List<String> uninterrupted = json(StateStory.uninterrupted(RuleSession.shippedRules()));

    List<Incident> out = new ArrayList<>();
    CorrelationEngine first = StateStory.untilPause(RuleSession.shippedRules(), out);
    CorrelationState saved = read(CorrelationStateFormat.FORMAT, write(first.snapshot()));
    first.close();
    CorrelationEngine restored = CorrelationEngine.restore(RuleSession.shippedRules(), saved);
    StateStory.afterPause(restored, out);

    assertThat(uninterrupted).hasSizeGreaterThan(3);
    assertThat(json(out)).containsExactlyElementsOf(uninterrupted);
  }

  @Test
  void anUnknownFormatOrCutBytesFailWithAReason() throws IOException {
    byte[] bytes = write(pausedStory());
    assertThatThrownBy(() -> read(2, bytes))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 2");
    assertThatThrownBy(() -> read(1, Arrays.copyOf(bytes, bytes.length / 2)))
        .isInstanceOf(IOException.class);
    byte[] corrupt = bytes.clone();
    // the count of the configured topology's services, after the clock and the settings
    Arrays.fill(corrupt, 8 + 52, 8 + 56, (byte) 0xff);
    assertThatThrownBy(() -> read(1, corrupt))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt");
  }

  private static List<String> json(List<Incident> incidents) {
    return incidents.stream().map(IncidentJson::write).toList();
  }
}
