package dev.logrca.flink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.LogRecordBuilder;
import dev.logrca.core.topology.HopLatency;
import dev.logrca.core.topology.ServiceHops;
import dev.logrca.flink.state.SerializerChecks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scope's hop latency: format 1 keeps the open window and the traces' last lines. */
class ScopeHopsSerializerTest {
  private static final long T0 = 1_795_773_600_000L;
  private final ScopeHopsSerializer serializer = new ScopeHopsSerializer();

  @Test
  void theOpenWindowAndTheTracesRoundTrip() throws Exception {
    HopLatency hops = new HopLatency();
    hops.observe(line(T0 + 3, "frontend", "t1"));
    hops.observe(line(T0 + 4, "frontend", "t2"));
    hops.observe(line(T0 + 1_501, "currency", "t1"));
    hops.observe(line(T0 + 1_620, "currency", "t1"));
    hops.observe(line(T0 + 2_003, "frontend", "t1"));

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
  void itsSnapshotRecordsFormatOne() throws Exception {
    SerializerChecks.formatOneAsIsAndNewerRefused(serializer);
  }

  private static LogEvent line(long time, String service, String trace) {
    LogRecord r =
        LogRecordBuilder.record()
            .source("test")
            .line(time)
            .timestamp(time)
            .service(service)
            .level(Level.INFO)
            .traceId(trace)
            .message("m")
            .build();
    return new LogEvent(r, service + ":1", "m", List.of(), false);
  }
}
