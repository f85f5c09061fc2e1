package dev.logrca.core.topology;

import static dev.logrca.core.topology.TracedLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How hops are counted, windows closed and memory bounded. */
class HopLatencyTest {
  private static final long T0 = 1_795_773_600_000L;

  @Test
  void aLineAfterAnotherServicesLineIsAnEntryAndAnExitAfterItsOwnIsWork() {
    HopLatency hops = new HopLatency();
    hops.observe(line(T0 + 1, "frontend", "t1"));
    hops.observe(line(T0 + 41, "currency", "t1"));
    hops.observe(line(T0 + 51, "currency", "t1"));
    hops.observe(line(T0 + 71, "frontend", "t1"));

    ServiceHops currency = hops.services().get("currency");
    assertThat(currency.entries().count()).isEqualTo(1);
    assertThat(currency.entries().median()).isBetween(36.0, 44.0);
    assertThat(currency.work().median()).isBetween(9.0, 11.0);
    assertThat(currency.exits().median()).isBetween(18.0, 22.0);
    assertThat(currency.callers()).containsExactly("frontend");
    assertThat(currency.slowest()).extracting(ServiceHops.SlowEntry::traceId).containsExactly("t1");
    assertThat(hops.services().get("frontend").exits().count()).isEqualTo(1);
    assertThat(hops.services().get("frontend").entries().count()).isEqualTo(1);
  }

  @Test
  void aLineOfALaterWindowClosesTheOpenOne() {
    HopLatency hops = new HopLatency();
    hops.observe(line(T0 + 1, "frontend", "t1"));
    hops.observe(line(T0 + 5, "currency", "t1"));
    assertThat(hops.windowStart()).isEqualTo(T0);

    hops.observe(line(T0 + 60_001, "frontend", "t2"));

    assertThat(hops.windowStart()).isEqualTo(T0 + 60_000);
    assertThat(hops.services()).isEmpty();
    // the trace goes on across windows: its next hop counts in the window it lands in
    hops.observe(line(T0 + 60_010, "currency", "t1"));
    assertThat(hops.services().get("currency").entries().count()).isZero();
    assertThat(hops.services().get("currency").work().count()).isEqualTo(1);
  }

  @Test
  void servicesWhoseTimesAreWholeSecondsCountNoHops() {
    HopLatency hops = new HopLatency();
    // an access log's times: 10:00:00, 10:00:01
    hops.observe(line(T0, "gateway", "t1"));
    hops.observe(line(T0 + 412, "frontend", "t1"));
    hops.observe(line(T0 + 1_000, "gateway", "t1"));
    hops.observe(line(T0 + 1_003, "frontend", "t1"));

    assertThat(hops.preciseServices()).containsExactly("frontend");
    assertThat(hops.services()).isEmpty();
  }

  @Test
  void tracesAreForgottenOldestFirstAndWhenIdle() {
    LastLines lines = new LastLines(2, 1_000);
    lines.next("a", "x", T0);
    lines.next("b", "x", T0 + 1);
    lines.next("c", "x", T0 + 2);
    assertThat(lines.traces().keySet()).containsExactly("b", "c");

    assertThat(lines.next("b", "y", T0 + 5_000)).as("idle for 5 s").isNull();
    assertThat(lines.traces().keySet()).containsExactly("b");
    assertThat(lines.next("b", "z", T0 + 5_010)).isEqualTo(new LastLines.LastLine("y", T0 + 5_000));
  }

  @Test
  void theSketchKnowsItsQuantilesWithinItsBucketWidth() {
    GapSketch sketch = new GapSketch();
    for (int i = 1; i <= 1000; i++) {
      sketch.add(i);
    }
    assertThat(sketch.median()).isBetween(450.0, 550.0);
    assertThat(sketch.quantile(0.9)).isBetween(810.0, 990.0);
    assertThat(new GapSketch().median()).isZero();
    sketch.add(-3);
    assertThat(sketch.buckets()).containsEntry(0, 1L);
    assertThatThrownBy(() -> sketch.addBucket(4, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new HopLatencyConfig(0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
