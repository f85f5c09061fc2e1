package dev.logrca.flink;

import dev.logrca.core.model.Incident;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs the job over files in a Flink MiniCluster inside this process, with the indices and
 * checkpoints under one data folder: the embedded default that needs nothing but a JDK.
 */
public final class EmbeddedRun {
  private final Path dataDir;
  private final JobSettings settings;

  public EmbeddedRun(Path dataDir, JobSettings settings) {
    this.dataDir = dataDir.toAbsolutePath();
    this.settings = settings;
  }

  /** The MiniCluster's configuration: heap state, checkpoints and temp files under the data dir. */
  Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(10));
    conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    conf.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        dataDir.resolve("checkpoints").toUri().toString());
    conf.set(CoreOptions.TMP_DIRS, dataDir.resolve("tmp").toString());
    return conf;
  }

  /** Analyses {@code files}; blocks until the input is exhausted and every incident is final. */
  public Result run(List<LogFile> files) throws Exception {
    Files.createDirectories(dataDir.resolve("tmp"));
    long started = System.nanoTime();
    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration());
    env.setParallelism(settings.parallelism());
    // records are immutable: no defensive copies between chained operators
    env.getConfig().enableObjectReuse();
    DataStream<Incident> incidents =
        LogrcaJob.build(
            env,
            new LogFileSource(files, 1),
            settings,
            new EventIndexSink(dataDir.toString()),
            new IncidentIndexSink(dataDir.toString()));
    Map<String, Incident> latest = new LinkedHashMap<>();
    Map<String, Incident> first = new LinkedHashMap<>();
    JobExecutionResult result;
    try (CloseableIterator<Incident> updates = incidents.collectAsync()) {
      JobClient client = env.executeAsync("logrca analyze");
      // each update carries the whole incident: the last one seen is its final state
      updates.forEachRemaining(
          incident -> {
            latest.put(incident.id(), incident);
            first.putIfAbsent(incident.id(), incident);
          });
      result = client.getJobExecutionResult().get();
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - started);
    return new Result(new ArrayList<>(latest.values()), first, counters(result), wall);
  }

  private static Map<String, Long> counters(JobExecutionResult result) {
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name : List.of(JobCounters.LINES, JobCounters.KEPT_RAW, JobCounters.LATE)) {
      Object value = result.getAccumulatorResult(name);
      counters.put(name, value == null ? 0L : ((Number) value).longValue());
    }
    return counters;
  }

  /**
   * What a run produced.
   *
   * @param incidents the final state of every incident, in the order they were first reported
   * @param firstReports each incident as it was first reported, by id: its {@code end} is the event
   *     time the job knew enough to report it
   * @param counters the job's counters ({@link JobCounters})
   * @param wallTime how long the run took, MiniCluster start included
   */
  public record Result(
      List<Incident> incidents,
      Map<String, Incident> firstReports,
      Map<String, Long> counters,
      Duration wallTime) {
    public long counter(String name) {
      return counters.getOrDefault(name, 0L);
    }
  }
}
