package dev.logrca.flink.correlate;

import static dev.logrca.core.topology.TracedLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.topology.HopLatency;
import dev.logrca.core.topology.ServiceHops;
import dev.logrca.flink.state.SerializerChecks;
import org.junit.jupiter.api.Test;

/** A scope's hop latency: format 2 keeps the open window and the traces' last lines; 1 reads. */
class ScopeHopsSerializerTest {
  private static final long T0 = 1_795_773_600_000L;
  private final ScopeHopsSerializer serializer = new ScopeHopsSerializer();

  @Test
  void theOpenWindowAndTheTracesRoundTrip() throws Exception {
    HopLatency hops = hops("frontend", "currency", "t1");

    ScopeHops read = SerializerChecks.roundTrip(serializer, new ScopeHops("prod", hops));

    assertThat(read.scope()).isEqualTo("prod");
    HopLatency restored = read.hops();
    assertThat(restored.windowStart()).isEqualTo(T0);
    assertThat(restored.traces().traces()).isEqualTo(hops.traces().traces());
    assertThat(restored.traces().traces().keySet()).containsExactly("t2", "t1");
    ServiceHops currency = restored.services().get("currency");
    ServiceHops before = hops.services().get("currency");
    assertThat(currency.entries().buckets()).isEqualTo(before.entries().buckets());
    assertThat(currency.exits().buckets()).isEqualTo(before.exits().buckets());
    assertThat(currency.work().buckets()).isEqualTo(before.work().buckets());
    assertThat(currency.callers()).containsExactly("frontend");
    assertThat(currency.slowest()).isEqualTo(before.slowest());
    assertThat(restored.preciseServices()).containsExactly("currency", "frontend");
    // the restored one goes on counting where the checkpoint left off
    restored.observe(line(T0 + 2_400, "currency", "t2"));
    assertThat(restored.services().get("currency").entries().count()).isEqualTo(2);
  }

  @Test
  void aScopeWithNoWindowOpenRoundTrips() throws Exception {
    ScopeHops read = SerializerChecks.roundTrip(serializer, new ScopeHops("", new HopLatency()));
    assertThat(read.hops().windowStart()).isEqualTo(Long.MIN_VALUE);
    assertThat(read.hops().services()).isEmpty();
  }

  @Test
  void itsSnapshotRecordsFormatTwo() throws Exception {
    SerializerChecks.currentAsIsOlderMigratedNewerRefused(serializer, 2);
  }

  /** Hops whose scope, services and traces are not ASCII. */
  private static ScopeHops textHops() {
    return new ScopeHops("\u751f\u4ea7", hops("\u524d\u7aef", "caf\u00e9", "t\ud83d\ude00"));
  }

  /** A caller's trace enclosing two lines of a callee, and a second trace of the caller alone. */
  private static HopLatency hops(String caller, String callee, String trace) {
    HopLatency hops = new HopLatency();
    hops.observe(line(T0 + 3, caller, trace));
    hops.observe(line(T0 + 4, caller, "t2"));
    hops.observe(line(T0 + 1_501, callee, trace));
    hops.observe(line(T0 + 1_620, callee, trace));
    hops.observe(line(T0 + 2_003, caller, trace));
    return hops;
  }

  @Test
  void formatOneWrittenBy55c53cdReadsIntoTheSameHops() throws Exception {
    ScopeHops read = SerializerChecks.readFixture(serializer, 1, "/state/format1/scope-hops.bin");
    ScopeHops expected = textHops();
    assertThat(read.scope()).isEqualTo("\u751f\u4ea7");
    assertThat(read.hops().traces().traces()).isEqualTo(expected.hops().traces().traces());
    assertThat(read.hops().services().get("caf\u00e9").callers()).containsExactly("\u524d\u7aef");
    // every field, through the current format
    assertThat(SerializerChecks.bytes(serializer, read))
        .isEqualTo(SerializerChecks.bytes(serializer, expected));
    ScopeHops again = SerializerChecks.roundTrip(serializer, read);
    assertThat(SerializerChecks.bytes(serializer, again))
        .isEqualTo(SerializerChecks.bytes(serializer, expected));
  }
}
