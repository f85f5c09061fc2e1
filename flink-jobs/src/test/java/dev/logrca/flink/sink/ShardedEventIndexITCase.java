package dev.logrca.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.LogrcaJob;
import dev.logrca.flink.TestMiniCluster;
import dev.logrca.flink.source.FollowSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.index.EventShards;
import dev.logrca.index.IndexFields;
import dev.logrca.index.ShardedReader;
import dev.logrca.index.TemplateDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job at parallelism 2 writes its event index as two shards, each service's lines in the shard
 * its name routes to, and each line exactly once over both, also when a sink subtask fails after
 * lines past the last checkpoint were committed and the job restores from that checkpoint and reads
 * those lines again. Checked by count and by id.
 */
class ShardedEventIndexITCase {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final String[] SERVICES = {"payment", "checkout", "cart", "auth", "ledger"};
  private static final int BATCH = 200;

  /** Events the sink wrote over every attempt: more than the lines once lines are replayed. */
  static final AtomicInteger WRITES = new AtomicInteger();

  /** Whether a writer failed on purpose. */
  static final AtomicBoolean FAILED = new AtomicBoolean();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = TestMiniCluster.withSlots(2, configuration());

  @TempDir Path dir;

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, Path.of("target", "flink-tmp").toAbsolutePath().toString());
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
    return conf;
  }

  @Test
  void eachLineOnceOverTwoShardsAcrossAFailureAndRestore() throws Exception {
    Path data = dir.resolve("data");
    List<LogFile> files = new ArrayList<>();
    for (String service : SERVICES) {
      Path file = dir.resolve(service + ".log");
      files.add(new LogFile(file.toString(), service, null));
      append(file, service, 0);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().enableObjectReuse(); // as the embedded run does
    // one checkpoint a second: the second batch is read well within one, so a sink has written
    // lines past the last checkpoint when it fails
    env.enableCheckpointing(1_000);
    FollowSettings follow = new FollowSettings(Duration.ofMillis(50), Duration.ZERO, Duration.ZERO);
    LogrcaJob.build(
        env,
        LogFileSource.following(files, List.of(), 1, follow),
        JobSettings.defaults().withParallelism(2),
        new FailingOnce(data.toString()),
        new IncidentIndexSink(data.toString()));
    JobClient job = env.executeAsync("sharded event index");
    int lines = 2 * SERVICES.length * BATCH;
    try {
      await(data, () -> count(data) >= lines / 2, "the first batch searchable");
      // searchable means committed when a barrier reached the writer, while that checkpoint may
      // still be running (one runs at a time); two more completed checkpoints cover it, so the
      // restore after the failure goes back no further than the second batch
      long completed = completedCheckpoints(job);
      await(data, () -> completedCheckpoints(job) >= completed + 2, "the first batch checkpointed");
      for (String service : SERVICES) {
        append(dir.resolve(service + ".log"), service, BATCH);
      }
      await(data, () -> FAILED.get() && count(data) >= lines, "both batches after the restore");
    } finally {
      job.cancel().get();
    }

    assertThat(FAILED).as("a sink subtask failed").isTrue();
    // lines were indexed again after the restore, but fewer than the first batch: the job went
    // back to its last checkpoint, not to the start of the files
    assertThat(WRITES.get() - lines).as("lines indexed twice").isBetween(1, lines / 2 - 1);
    List<String> ids = new ArrayList<>();
    try (ShardedReader reader = EventShards.openReader(data)) {
      assertThat(reader.shards()).hasSize(2);
      for (int shard = 0; shard < 2; shard++) {
        for (Document doc : events(reader.shards().get(shard))) {
          ids.add(doc.get(IndexFields.ID));
          String service = doc.get(IndexFields.SERVICE);
          assertThat(EventShards.shardOf(service, 2, EventShards.DEFAULT_KEY_GROUPS))
              .as("shard of %s", doc.get(IndexFields.ID))
              .isEqualTo(shard);
        }
      }
    }
    Set<String> expected = new HashSet<>();
    for (LogFile file : files) {
      for (int line = 1; line <= 2 * BATCH; line++) {
        expected.add(LogRecord.eventIdOf(file.path(), line));
      }
    }
    assertThat(ids).as("event documents over both shards").hasSize(lines);
    assertThat(new HashSet<>(ids)).isEqualTo(expected);
    assertThat(EventShards.count(data)).isEqualTo(lines);
  }

  private static void append(Path file, String service, int from) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < from + BATCH; i++) {
      text.append(T0.plusMillis(100L * i)).append(" INFO ").append(service);
      text.append(" request ").append(i).append(" served\n");
    }
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Completed checkpoints of the running job, from the MiniCluster's REST API. */
  private static long completedCheckpoints(JobClient job) {
    Configuration client = MINI_CLUSTER.getClientConfiguration();
    URI uri =
        URI.create(
            "http://"
                + client.get(RestOptions.ADDRESS)
                + ":"
                + client.get(RestOptions.PORT)
                + "/jobs/"
                + job.getJobID()
                + "/checkpoints");
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("checkpoint statistics of %s", uri).isEqualTo(200);
      return new ObjectMapper().readTree(response.body()).path("counts").path("completed").asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading checkpoint statistics", e);
    }
  }

  private static long count(Path data) {
    try {
      return EventShards.count(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the running job to make {@code done} true, looking every 50 ms for up to 90 s. */
  private static void await(Path data, BooleanSupplier done, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime())
          .as(
              "waiting for %s (failed %s, %d writes, %d events)",
              what, FAILED, WRITES.get(), count(data))
          .isLessThan(deadline);
      Thread.sleep(50); // the job runs on other threads: nothing to step but to look again
    }
  }

  /** The live event documents of one shard (template documents left out). */
  private static List<Document> events(DirectoryReader reader) throws IOException {
    List<Document> docs = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        Document doc = leaf.reader().storedFields().document(i);
        String id = doc.get(IndexFields.ID);
        if (id != null && !id.startsWith(TemplateDocuments.KIND_TEMPLATE + "/")) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /**
   * The event index sink, whose writers fail once, in the first attempt, on a line of the second
   * batch after writing 50 events since their last checkpoint's commit. Closing the failed writer
   * commits those: lines after the checkpoint are in the index before they are read again.
   */
  static final class FailingOnce implements Sink<EventIndexEntry> {
    private static final long serialVersionUID = 1L;
    private final EventIndexSink sink;

    FailingOnce(String dataDir) {
      this.sink = new EventIndexSink(dataDir, true); // fresh shards append, restored ones replace
    }

    @Override
    public SinkWriter<EventIndexEntry> createWriter(WriterInitContext context) throws IOException {
      SinkWriter<EventIndexEntry> writer = sink.createWriter(context);
      boolean firstAttempt = context.getTaskInfo().getAttemptNumber() == 0;
      return new SinkWriter<>() {
        private int sinceCommit;

        @Override
        public void write(EventIndexEntry entry, Context ctx)
            throws IOException, InterruptedException {
          if (entry.event != null) {
            if (firstAttempt && sinceCommit >= 50 && entry.event.record().line() > BATCH) {
              FAILED.set(true);
              throw new IOException("failing on purpose after " + sinceCommit + " events");
            }
            WRITES.incrementAndGet();
            sinceCommit++;
          }
          writer.write(entry, ctx);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
          writer.flush(endOfInput);
          sinceCommit = 0;
        }

        @Override
        public void close() throws Exception {
          writer.close();
        }
      };
    }
  }
}
