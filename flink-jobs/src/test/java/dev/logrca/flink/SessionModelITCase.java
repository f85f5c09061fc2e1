package dev.logrca.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.detect.registry.ModelRegistry;
import dev.logrca.core.detect.registry.ModelTraining;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionKeys;
import dev.logrca.core.detect.session.Sessionizer;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.RootCause;
import dev.logrca.flink.session.SessionSettings;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.index.EventReader;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model lifecycle through the whole job on a MiniCluster: a run of usual checkout traces is
 * indexed, a model is trained from that index and promoted, and a second run over the same data
 * folder, whose later traces retry payments with a warning and store no order (no error line), has
 * its sessions judged by that champion: the drift is found by a search of the event index and the
 * payment service, where the traces depart, is a root-cause candidate.
 */
class SessionModelITCase {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = TestMiniCluster.withSlots(2, configuration());

  private static final long T0 = Instant.parse("2026-12-06T08:00:00Z").toEpochMilli();

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, Path.of("target", "flink-tmp").toAbsolutePath().toString());
    return conf;
  }

  @TempDir Path dir;

  @Test
  void aChampionTrainedOnUsualTracesJudgesTheNextRunAndItsDriftIsSearchable() throws Exception {
    Path usual = write("usual.log", 0, 300, false);
    Path data = dir.resolve("data");
    run(data, List.of(usual));

    ModelRegistry registry = new ModelRegistry(data);
    List<Session> sessions = sessions(data);
    assertThat(sessions).hasSize(300);
    registry.save(ModelTraining.train("m0001", sessions, 7, null, Instant.now()));
    registry.promote("m0001");

    // the same usual lines first, so the miner names the templates as it did for the model
    Path retrying = write("retrying.log", 300, 200, true);
    List<Incident> incidents = run(data, List.of(usual, retrying));

    try (Searcher searcher = Searcher.open(data)) {
      assertThat(
              searcher
                  .search(
                      SearchRequest.of(
                          SearchTarget.EVENTS,
                          "service:logrca AND attr.model:m0001 AND message:stale"))
                  .totalHits())
          .as("the drift event in the event index")
          .isEqualTo(1);
    }
    assertThat(registry.load("m0001").card().stale()).startsWith("template mix drifted");
    assertThat(incidents)
        .as("incidents of the retrying run")
        .flatExtracting(Incident::rootCauses)
        .extracting(RootCause::service)
        .contains("payment");
  }

  /**
   * {@code n} checkout traces from request {@code first} on, one a second: frontend, cart, payment,
   * order. Retrying ones retry their payment twice, each time with a WARN line (a new template
   * logged below WARN is news, not a departure: {@code SessionModel.judge}), and store no order.
   */
  private Path write(String name, int first, int n, boolean retrying) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      long t = T0 + 1_000L * i;
      String trace = String.format("%032x", 0xabc000L + i);
      lines.add(line(t, "frontend", trace, "GET /checkout from 10.0.0." + (i % 200)));
      lines.add(line(t + 5, "cart", trace, "cart loaded with " + (1 + i % 4) + " items"));
      if (i % 3 == 0) {
        lines.add(line(t + 7, "cart", trace, "coupon " + (100 + i) + " applied to the cart"));
      }
      if (retrying) {
        lines.add(line(t + 10, "payment", "WARN", trace, "attempt 1 declined, trying again"));
        lines.add(line(t + 20, "payment", "WARN", trace, "attempt 2 declined, trying again"));
      }
      lines.add(line(t + 30, "payment", trace, "payment authorised for order " + (9000 + i)));
      if (!retrying) {
        lines.add(line(t + 40, "order", trace, "order " + (9000 + i) + " stored"));
      }
    }
    Path file = dir.resolve(name);
    Files.write(file, lines);
    return file;
  }

  private static String line(long t, String service, String trace, String message) {
    return line(t, service, "INFO", trace, message);
  }

  private static String line(long t, String service, String level, String trace, String message) {
    return String.format(
        "{\"@timestamp\":\"%s\",\"service\":\"%s\",\"level\":\"%s\",\"trace_id\":\"%s\","
            + "\"message\":\"%s\"}",
        Instant.ofEpochMilli(t), service, level, trace, message);
  }

  /** The indexed run's sessions, as {@code logrca model train} reads them. */
  private static List<Session> sessions(Path data) throws IOException {
    Sessionizer sessionizer = new Sessionizer(Duration.ofMinutes(30).toMillis());
    SessionKeys keys = SessionKeys.usual();
    List<Session> sessions = new ArrayList<>();
    for (LogEvent e : EventReader.read(data, Long.MIN_VALUE, Long.MAX_VALUE)) {
      String key = keys.keyOf(e.record());
      if (key != null) {
        sessions.addAll(
            sessionizer.add(
                key, new SessionEvent(e.timestamp(), e.service(), e.templateId(), e.message())));
      }
    }
    sessions.addAll(sessionizer.closeAll());
    return sessions;
  }

  private List<Incident> run(Path data, List<Path> logs) throws Exception {
    List<LogFile> files = new ArrayList<>();
    for (Path file : logs) {
      files.add(new LogFile(file.toString(), "checkout", null));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    JobSettings settings =
        JobSettings.defaults()
            .withParallelism(2)
            .withSessions(SessionSettings.of(data.toString()).withDriftSampleLines(500));
    DataStream<Incident> incidents =
        LogrcaJob.build(
            env,
            new LogFileSource(files, 1),
            settings,
            new EventIndexSink(data.toString()),
            new IncidentIndexSink(data.toString()));
    Map<String, Incident> latest = new LinkedHashMap<>();
    try (CloseableIterator<Incident> updates = incidents.executeAndCollect("sessions-it")) {
      updates.forEachRemaining(i -> latest.put(i.id(), i));
    }
    return new ArrayList<>(latest.values());
  }
}
