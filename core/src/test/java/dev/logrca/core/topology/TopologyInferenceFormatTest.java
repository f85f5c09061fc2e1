package dev.logrca.core.topology;

import static dev.logrca.core.topology.TracedLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.StateInput;
import dev.logrca.core.model.StateOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inference's explicit checkpoint format: traces (in their order, oldest first), services,
 * hosts and sightings survive a round trip field by field, equal states give equal bytes, and the
 * restored inference goes on learning as the one that never stopped, down to forgetting the same
 * oldest trace.
 */
class TopologyInferenceFormatTest {

  private static byte[] write(TopologyInference t) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (StateOutput out = new StateOutput(bytes)) {
      TopologyInferenceFormat.write(t, out);
    }
    return bytes.toByteArray();
  }

  private static TopologyInference read(int format, byte[] bytes) throws IOException {
    try (StateInput in = new StateInput(new ByteArrayInputStream(bytes))) {
      return TopologyInferenceFormat.read(format, in);
    }
  }

  /** Traced calls gateway -> checkout -> payment, and payment naming postgres in its messages. */
  private static List<LogEvent> lines(int from, int to) {
    List<LogEvent> lines = new ArrayList<>();
    for (int i = from; i < to; i++) {
      long t = 1_000_000L + i * 1000L;
      String trace = "trace-" + i;
      lines.add(line(t, "gateway", trace, "GET /checkout"));
      lines.add(line(t + 10, "checkout", trace, "placing order"));
      lines.add(line(t + 20, "payment", trace, "charging card; connect to postgres:5432"));
      lines.add(line(t + 30, "postgres", null, "checkpoint starting"));
      lines.add(line(t + 40, "checkout", trace, "order placed"));
      lines.add(line(t + 50, "gateway", trace, "200 OK"));
    }
    return lines;
  }

  @Test
  void aRoundTripKeepsEveryFieldAndTheRestoredInferenceLearnsOnTheSame() throws IOException {
    TopologyInference live = new TopologyInference(3, 5);
    lines(0, 8).forEach(live::observe);
    byte[] bytes = write(live);
    TopologyInference back = read(TopologyInferenceFormat.FORMAT, bytes);

    // which traces each may change in place is not state: neither is written
    assertThat(back).usingRecursiveComparison().ignoringFields("traces.owned").isEqualTo(live);
    assertThat(List.copyOf(back.traces.spans.keySet()))
        .containsExactlyElementsOf(live.traces.spans.keySet());
    assertThat(write(back)).isEqualTo(bytes);
    assertThat(back.current().hasCalls()).isTrue();

    lines(8, 12).forEach(live::observe);
    lines(8, 12).forEach(back::observe);
    assertThat(back.current()).isEqualTo(live.current());
    assertThat(write(back)).isEqualTo(write(live));
  }

  @Test
  void aCopyAndItsOriginalShareTracesYetNeitherSeesTheOthersLaterLines() throws IOException {
    List<LogEvent> all = lines(0, 8);
    List<LogEvent> firstHalves = new ArrayList<>();
    List<LogEvent> secondHalves = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      (i % 6 < 3 ? firstHalves : secondHalves).add(all.get(i));
    }
    TopologyInference live = new TopologyInference(3, 50);
    firstHalves.forEach(live::observe);
    byte[] atCopy = write(live);
    TopologyInference copy = live.copy();

    // the later lines widen the spans of traces the copy holds too
    secondHalves.forEach(live::observe);
    assertThat(write(copy)).isEqualTo(atCopy);
    byte[] liveAfter = write(live);
    assertThat(liveAfter).isNotEqualTo(atCopy);

    TopologyInference second = live.copy();
    secondHalves.forEach(copy::observe);
    assertThat(write(copy)).isEqualTo(liveAfter);
    assertThat(write(live)).isEqualTo(liveAfter);
    assertThat(write(second)).isEqualTo(liveAfter);
    lines(8, 10).forEach(live::observe);
    assertThat(write(second)).isEqualTo(liveAfter);
  }

  @Test
  void anUnknownFormatOrCorruptSettingsAreRefused() throws IOException {
    byte[] bytes = write(new TopologyInference());
    assertThatThrownBy(() -> read(2, bytes)).hasMessageContaining("format 2");
    byte[] corrupt = bytes.clone();
    corrupt[3] = 0; // minObservations 0
    assertThatThrownBy(() -> read(1, corrupt)).hasMessageContaining("corrupt");
  }
}
