package dev.logrca.cli;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.model.RootCause;
import dev.logrca.flink.JobCounters;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.LogrcaJob;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.FollowSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.flink.source.LogFolder;
import dev.logrca.flink.source.kafka.KafkaLogSource;
import dev.logrca.flink.source.kafka.KafkaSettings;
import dev.logrca.index.search.Hit;
import dev.logrca.index.search.IncidentHit;
import dev.logrca.index.search.SearchRequest;
import dev.logrca.index.search.SearchResult;
import dev.logrca.index.search.SearchTarget;
import dev.logrca.index.search.Searcher;
import dev.logrca.rules.RuleCompilations;
import dev.logrca.rules.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.lucene.index.IndexNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the job over files in a Flink MiniCluster inside this process, with the indices and
 * checkpoints under one data folder: the embedded default that needs nothing but a JDK.
 */
public final class EmbeddedRun {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRun.class);

  private final Path dataDir;
  private final JobSettings settings;
  private final Configuration extra;

  public EmbeddedRun(Path dataDir, JobSettings settings) {
    this(dataDir, settings, new Configuration());
  }

  /** A run whose MiniCluster also gets {@code extra} (the bench adds its metric reporter). */
  EmbeddedRun(Path dataDir, JobSettings settings, Configuration extra) {
    this.dataDir = dataDir.toAbsolutePath();
    this.settings = settings;
    this.extra = extra;
  }

  /** The MiniCluster's configuration: heap state, checkpoints and temp files under the data dir. */
  Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
    // the sinks commit at the end of the input themselves: finishing tasks need not wait for
    // one more checkpoint (up to a whole interval) before the run can end
    conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        dataDir.resolve("checkpoints").toUri().toString());
    conf.set(CoreOptions.TMP_DIRS, dataDir.resolve("tmp").toString());
    // a failure restarts from the last checkpoint a few times, then the run fails with its cause
    // instead of retrying for ever behind the user's back
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
    conf.addAll(extra);
    return conf;
  }

  /** Analyses {@code files}; blocks until the input is exhausted and every incident is final. */
  public Result run(List<LogFile> files) throws Exception {
    return execute("logrca analyze", new LogFileSource(files, 1), null, incident -> {});
  }

  /**
   * Analyses {@code files}, then follows them and {@code folders} as they grow until {@code stop}
   * completes; hands every incident update to {@code updates} as it comes (on this thread).
   * Stopping drains the job as the end of the input would: open windows close, incidents are made
   * final and the indices committed. Blocks until then.
   */
  public Result follow(
      List<LogFile> files,
      List<LogFolder> folders,
      FollowSettings follow,
      CompletableFuture<?> stop,
      Consumer<Incident> updates)
      throws Exception {
    return execute(
        "logrca analyze --follow",
        LogFileSource.following(files, folders, 1, follow),
        stop,
        updates);
  }

  /**
   * Reads Kafka as {@code kafka} says, one reader per partition up to the job's parallelism, until
   * {@code stop} completes (or, with {@link KafkaSettings#untilLatest}, until the offsets that were
   * the latest at the start); hands every incident update to {@code updates}. Stopping drains the
   * job as {@link #follow} does.
   */
  public Result stream(KafkaSettings kafka, CompletableFuture<?> stop, Consumer<Incident> updates)
      throws Exception {
    return execute(
        "logrca run --kafka",
        KafkaLogSource.of(kafka),
        settings.parallelism(),
        kafka.idleness(),
        stop,
        updates);
  }

  private Result execute(
      String name,
      Source<LogRecord, ?, ?> source,
      CompletableFuture<?> stop,
      Consumer<Incident> sink)
      throws Exception {
    return execute(name, source, 1, null, stop, sink);
  }

  private Result execute(
      String name,
      Source<LogRecord, ?, ?> source,
      int sourceParallelism,
      Duration idleness,
      CompletableFuture<?> stop,
      Consumer<Incident> sink)
      throws Exception {
    Files.createDirectories(dataDir.resolve("tmp"));
    EventIndexSink.checkDataFolder(dataDir.toString(), settings.parallelism());
    long started = System.nanoTime();
    long startedAt = System.currentTimeMillis();
    AtomicLong rulesCompiledAt = new AtomicLong();
    if (settings.rules().extraDir() == null) {
      // Drools takes seconds to build the shipped rules: build them while the cluster starts
      // rather than in the correlation operator's start (an operator's folder it reads itself)
      RuleCompilations.startAhead(RulePack.shipped())
          .whenComplete((rules, error) -> rulesCompiledAt.set(System.currentTimeMillis()));
    }
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration());
    env.setParallelism(settings.parallelism());
    // records are immutable: no defensive copies between chained operators
    env.getConfig().enableObjectReuse();
    DataStream<Incident> updates =
        LogrcaJob.build(
            env,
            source,
            sourceParallelism,
            idleness,
            settings,
            EventIndexSink.forSource(dataDir.toString(), source),
            new IncidentIndexSink(dataDir.toString()));
    Map<String, Incident> firstReports = new LinkedHashMap<>();
    Map<String, Map<String, Long>> firstNamed = new LinkedHashMap<>();
    JobExecutionResult result;
    long submittedAt;
    long jobEndedAt;
    try (CloseableIterator<Incident> stream = updates.collectAsync()) {
      JobClient client = env.executeAsync(name);
      submittedAt = System.currentTimeMillis();
      if (stop != null) {
        stop.whenComplete((ignored, error) -> drain(client));
      }
      stream.forEachRemaining(
          incident -> {
            firstReports.putIfAbsent(incident.id(), incident);
            Map<String, Long> named =
                firstNamed.computeIfAbsent(incident.id(), id -> new LinkedHashMap<>());
            for (RootCause c : incident.rootCauses()) {
              named.putIfAbsent(c.service(), incident.end());
              named.putIfAbsent(c.service() + "|" + c.category(), incident.end());
            }
            sink.accept(incident);
          });
      result = client.getJobExecutionResult().get();
      jobEndedAt = System.currentTimeMillis();
    }
    Map<String, Long> counters = counters(result);
    List<Incident> incidents =
        counters.get(JobCounters.LINES) == 0
            ? List.of()
            : incidentsBetween(
                counters.get(JobCounters.FIRST_EVENT), counters.get(JobCounters.LAST_EVENT));
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    RunTimeline timeline =
        new RunTimeline(
            startedAt,
            submittedAt,
            rulesCompiledAt.get(),
            accumulated(result, JobCounters.FIRST_LINE_AT),
            accumulated(result, JobCounters.LAST_LINE_AT),
            jobEndedAt,
            System.currentTimeMillis());
    return new Result(incidents, firstReports, firstNamed, counters, wall, timeline);
  }

  /**
   * Stops a followed job as if its input had ended (stop with a savepoint, draining: the watermark
   * jumps to the end of time), so it finishes with its counters and committed indices. Should that
   * fail, the job is cancelled and the run fails with the cause.
   */
  private void drain(JobClient client) {
    String savepoints = dataDir.resolve("savepoints").toUri().toString();
    client
        .stopWithSavepoint(true, savepoints, SavepointFormatType.CANONICAL)
        .whenComplete(
            (path, error) -> {
              if (error != null) {
                LOG.error("cannot stop the job cleanly, cancelling it: {}", error.toString());
                client.cancel();
              }
            });
  }

  /**
   * The final state of the incidents over the analysed time span, read back from the incident
   * index: the index holds every update, while the client-side collect of the incident stream (kept
   * for the first reports, which come early) may lose the last ones when the embedded cluster shuts
   * down with the job.
   */
  private List<Incident> incidentsBetween(long first, long last) throws IOException {
    Path incidentIndex = dataDir.resolve("incidents");
    if (!Files.isDirectory(incidentIndex)) {
      return List.of();
    }
    try (Searcher searcher = Searcher.open(dataDir)) {
      SearchResult found =
          searcher.search(
              new SearchRequest(SearchTarget.INCIDENTS, "*", first, last, SearchRequest.MAX_LIMIT));
      List<Incident> incidents = new ArrayList<>();
      for (Hit hit : found.hits()) {
        incidents.add(((IncidentHit) hit).incident());
      }
      incidents.sort(Comparator.comparingLong(Incident::start).thenComparing(Incident::id));
      return incidents;
    } catch (IndexNotFoundException e) {
      return List.of(); // the job found nothing worth an incident, so none was ever committed
    }
  }

  private static long accumulated(JobExecutionResult result, String name) {
    Object value = result.getAccumulatorResult(name);
    return value == null ? 0L : ((Number) value).longValue();
  }

  private static Map<String, Long> counters(JobExecutionResult result) {
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name :
        List.of(
            JobCounters.LINES,
            JobCounters.KEPT_RAW,
            JobCounters.LATE,
            JobCounters.FIRST_EVENT,
            JobCounters.LAST_EVENT,
            JobCounters.RULES_RELOADED,
            JobCounters.RULES_REJECTED)) {
      Object value = result.getAccumulatorResult(name);
      counters.put(name, value == null ? 0L : ((Number) value).longValue());
    }
    return counters;
  }

  /**
   * What a run produced.
   *
   * @param incidents the final state of every incident over the analysed time span, earliest first
   * @param firstReports each incident as it was first reported, by id: its {@code end} is the event
   *     time the job knew enough to report it (best effort: read from the collected stream)
   * @param firstNamed for each incident id, each service among its causes with the event time of
   *     the first report that named it (when a later fault joins an open incident, this is when the
   *     incident first pointed at it)
   * @param counters the job's counters ({@link JobCounters})
   * @param wallTime how long the run took, MiniCluster start included
   * @param timeline when its phases ended, or null when not known
   */
  public record Result(
      List<Incident> incidents,
      Map<String, Incident> firstReports,
      Map<String, Map<String, Long>> firstNamed,
      Map<String, Long> counters,
      Duration wallTime,
      RunTimeline timeline) {
    /** A result without a timeline. */
    public Result(
        List<Incident> incidents,
        Map<String, Incident> firstReports,
        Map<String, Map<String, Long>> firstNamed,
        Map<String, Long> counters,
        Duration wallTime) {
      this(incidents, firstReports, firstNamed, counters, wallTime, null);
    }

    public long counter(String name) {
      return counters.getOrDefault(name, 0L);
    }
  }
}
