package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.flink.source.LogFile;
import dev.logrca.index.IncidentIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench-kafka's incident timing: the fault's first line is its service's first at or after the
 * truth's start, and only a committed incident whose top cause names the fault counts.
 */
class FaultIncidentWatchTest {
  private static final Instant FAULT = Instant.parse("2026-11-27T10:04:01Z");

  @TempDir Path data;

  private final FaultTruth truth =
      new FaultTruth(
          "dependency.down",
          3,
          List.of(
              new ExpectedFault(
                  "postgres", null, "dependency.down", "dependency.down", FAULT, null)),
          false);
  private final List<LogFile> files =
      List.of(
          new LogFile("/logs/checkout.log", "checkout", null),
          new LogFile("/logs/postgres.log", "postgres", null));
  private final List<long[]> times =
      List.of(
          new long[] {at(-2), at(0), at(1)},
          new long[] {at(-3), at(-1), at(2), at(0), at(5)}); // postgres: line 3 is the first

  @Test
  void timesFromTheFaultsFirstLineToACommittedIncidentNamingIt() throws Exception {
    try (FaultIncidentWatch watch = FaultIncidentWatch.of(data, truth, files, times);
        IncidentIndex index = IncidentIndex.open(data.resolve("incidents"))) {
      watch.sent(0, 1, 1_000); // checkout's line at the fault's start is not the fault's line
      watch.sent(1, 2, 5_000_000_000L);
      index.upsert(incident("inc-1", "checkout", "app.exception"));
      index.commit();
      watch.poll(6_000_000_000L);
      assertThat(watch.found()).as("an incident naming another service").isFalse();

      index.upsert(incident("inc-2", "postgres", "dependency.down"));
      watch.poll(7_000_000_000L);
      assertThat(watch.found()).as("not committed yet").isFalse();
      index.commit();
      watch.poll(8_500_000_000L);
      assertThat(watch.found()).isTrue();

      StringWriter out = new StringWriter();
      watch.report(new PrintWriter(out));
      assertThat(out.toString())
          .contains("naming postgres dependency.down (top cause) searchable 3.50 s")
          .contains("partition 1 line 3");
    }
  }

  @Test
  void noWatchWithoutAFaultOrItsServicesFile() throws Exception {
    FaultTruth none = new FaultTruth("none", 3, List.of(), false);
    assertThat(FaultIncidentWatch.of(data, none, files, times)).isNull();
    assertThat(FaultIncidentWatch.of(data, truth, files.subList(0, 1), times)).isNull();
  }

  private static long at(int seconds) {
    return FAULT.plusSeconds(seconds).toEpochMilli();
  }

  private static Incident incident(String id, String service, String category) {
    return new Incident(
        id,
        at(0),
        at(10),
        List.of(service),
        List.of(new RootCause(service, category, 0.9, "rule", "summary", List.of())));
  }
}
