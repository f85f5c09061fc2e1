package dev.logrca.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.RootCause;
import dev.logrca.flink.correlate.RuleSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a MiniCluster over an endless, slow stream of lines: a rule added to the
 * operator's folder while the job runs concludes on the lines it already saw, and a broken edit is
 * counted while the running rules go on.
 */
class RuleReloadITCase {
  private static final long T0 = 1_795_773_600_000L; // 2026-11-27T10:00:00Z
  private static final String JOURNAL_RULE = "The ledger reports its journal is stuck";
  private static final String BOOKS_RULE = "The ledger refuses postings to closed books";
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** Lines the test wants the running source to emit next; shared with the source's thread. */
  private static final Queue<String> SCRIPT = new ConcurrentLinkedQueue<>();

  /** Event time of the stream: each line is 100 ms after the previous one. */
  private static final AtomicLong CLOCK = new AtomicLong(T0);

  private static final List<Incident> SEEN = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = TestMiniCluster.withSlots(2, configuration());

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, Path.of("target", "flink-tmp").toAbsolutePath().toString());
    return conf;
  }

  @TempDir Path dir;

  /** A live system: the gateway's health checks, and whatever line the test scripts next. */
  private static final class LiveLines implements GeneratorFunction<Long, LogRecord> {
    private static final long serialVersionUID = 1L;

    @Override
    public LogRecord map(Long n) {
      long at = CLOCK.addAndGet(100);
      String scripted = SCRIPT.poll();
      return scripted == null
          ? TestRecords.record("gateway", n, at, Level.INFO, "GET /health 200")
          : TestRecords.record("ledger", n, at, Level.ERROR, scripted);
    }
  }

  /** Keeps every incident update the job reports. */
  private static final class Collect implements Sink<Incident> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Incident> createWriter(WriterInitContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(Incident incident, Context context) {
          SEEN.add(incident);
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
      };
    }
  }

  private void save(Path rules, String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/reload/" + resource)) {
      Files.copy(in, rules.resolve("ledger.drl"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean concluded(String rule) {
    return SEEN.stream()
        .flatMap(i -> i.rootCauses().stream())
        .map(RootCause::rule)
        .anyMatch(rule::equals);
  }

  private static long counter(JobClient job, String name) throws Exception {
    Map<String, Object> counters = job.getAccumulators().get();
    Object value = counters.get(name);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** Waits for a running job to get somewhere; fails after {@link #PATIENCE}. */
  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void aRuleAddedWhileTheJobRunsConcludesAndABrokenEditIsCounted() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    save(rules, "ledger_one_rule.drl");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    LogrcaJob.build(
        env,
        new DataGeneratorSource<>(
            new LiveLines(),
            Long.MAX_VALUE,
            RateLimiterStrategy.perSecond(20),
            TypeInformation.of(LogRecord.class)),
        JobSettings.defaults().withRules(new RuleSource(rules.toString())),
        new DiscardingSink<>(),
        new Collect());
    JobClient job = env.executeAsync("logrca-rule-reload");
    try {
      SCRIPT.add("journal stuck at offset 42");
      SCRIPT.add("posting rejected: the books are closed");
      await("the journal rule", () -> concluded(JOURNAL_RULE));
      assertThat(concluded(BOOKS_RULE)).isFalse();

      // no new line about the books: the added rule concludes from the one already seen
      save(rules, "ledger_two_rules.drl");
      await("the added rule", () -> concluded(BOOKS_RULE));

      save(rules, "ledger_broken.drl");
      await(
          "the broken edit to be counted",
          () -> {
            try {
              return counter(job, JobCounters.RULES_REJECTED) == 1;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      int before = SEEN.size();
      SCRIPT.add("posting rejected: the books are closed");
      await("the running rules to go on", () -> SEEN.size() > before);
      assertThat(SEEN.subList(before, SEEN.size()))
          .flatExtracting(Incident::rootCauses)
          .extracting(RootCause::rule)
          .contains(BOOKS_RULE);
      assertThat(counter(job, JobCounters.RULES_RELOADED)).isEqualTo(1);
    } finally {
      job.cancel().get();
    }
  }
}
