package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.index.EventIndex;
import dev.logrca.index.EventShards;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka bench's watcher finds sent lines in every shard of the event index. */
class VisibilityTest {
  private static final String[] SERVICES = {"payment", "checkout", "cart", "auth", "ledger"};

  @TempDir Path data;

  @Test
  void linesOfBothPartitionsBecomeVisibleOverTwoShards() throws Exception {
    List<List<String>> lines = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < 40; i++) {
      lines.get(i % 2).add("line " + i);
    }
    SendSchedule schedule = SendSchedule.interleaved(lines);
    EventIndex[] shards = new EventIndex[2];
    try (Visibility visibility = new Visibility(data, "logs", 2, lines)) {
      visibility.startMeasuring();
      long started = System.nanoTime();
      for (int i = 0; i < shards.length; i++) {
        shards[i] = EventShards.openShard(data, i, 2, EventShards.DEFAULT_KEY_GROUPS);
      }
      for (int i = 0; i < 40; i++) {
        int partition = i % 2;
        int offset = i / 2;
        visibility.sent(partition, offset, System.nanoTime());
        String service = SERVICES[i % SERVICES.length];
        shards[EventShards.shardOf(service, 2, EventShards.DEFAULT_KEY_GROUPS)].add(
            record("logs/" + partition, offset, service));
      }
      for (EventIndex shard : shards) {
        shard.close(); // commits: the lines become visible to the watcher
      }
      assertThat(visibility.awaitAll(40, schedule, Duration.ofSeconds(60))).isTrue();
      StringWriter out = new StringWriter();
      // a long sending time: all 40 lines were sent in its first tenth
      visibility.report(new PrintWriter(out), 40, 0, 1000.0, started, true);
      assertThat(out.toString())
          .contains("searchable: 40 of 40")
          .contains("  0.0-100.0 s:      40 lines");
    }
  }

  @Test
  void linesSentBeforeMeasuringAreReportedApartAsTheWarmUp() throws Exception {
    List<List<String>> lines = List.of(new ArrayList<>());
    for (int i = 0; i < 10; i++) {
      lines.get(0).add("line " + i);
    }
    SendSchedule schedule = SendSchedule.interleaved(lines);
    try (Visibility visibility = new Visibility(data, "logs", 1, lines)) {
      EventIndex shard = EventShards.openShard(data, 0, 1, EventShards.DEFAULT_KEY_GROUPS);
      for (int offset = 0; offset < 4; offset++) {
        visibility.sent(0, offset, System.nanoTime());
        shard.add(record("logs/0", offset, "payment"));
      }
      shard.commit();
      assertThat(visibility.awaitAll(4, schedule, Duration.ofSeconds(60))).isTrue();
      visibility.startMeasuring();
      long started = System.nanoTime();
      for (int offset = 4; offset < 10; offset++) {
        visibility.sent(0, offset, System.nanoTime());
        shard.add(record("logs/0", offset, "payment"));
      }
      shard.close();
      assertThat(visibility.awaitAll(10, schedule, Duration.ofSeconds(60))).isTrue();
      StringWriter out = new StringWriter();
      visibility.report(new PrintWriter(out), 6, 0, 1.0, started, true);
      assertThat(out.toString())
          .contains("searchable: 6 of 6")
          .contains("warm-up (not measured): 4 lines");
    }
  }

  private static LogEvent record(String source, long offset, String service) {
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf(source, offset),
            source,
            offset,
            1_764_237_600_000L + offset,
            false,
            service,
            null,
            Level.INFO,
            null,
            null,
            "served " + offset,
            "served " + offset,
            Map.of(),
            null);
    return new LogEvent(record, service + ":1", "served <*>", List.of(), false);
  }
}
