package dev.logrca.flink;

import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.correlate.RuleSource;
import dev.logrca.flink.session.SessionSettings;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.FollowSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.flink.source.LogFolder;
import dev.logrca.flink.source.kafka.KafkaLogSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job jar's entry point, what {@code flink run logrca-job.jar} calls: reads its arguments
 * ({@link JobArguments}) and builds the same graph as {@link LogrcaJob#build} on the environment
 * Flink provides, a cluster's or a test's MiniCluster.
 */
public final class LogrcaJobMain {
  private LogrcaJobMain() {}

  public static void main(String[] args) throws Exception {
    JobArguments arguments = JobArguments.parse(args);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    build(env, arguments);
    env.execute(arguments.kafka() == null ? "logrca (files)" : "logrca (kafka)");
  }

  /** Adds the job that {@code arguments} describe to {@code env}. */
  public static void build(StreamExecutionEnvironment env, JobArguments arguments)
      throws IOException {
    JobSettings settings = settings(arguments);
    env.enableCheckpointing(arguments.checkpointInterval().toMillis());
    String data = Path.of(arguments.data()).toAbsolutePath().toString();
    EventIndexSink.checkDataFolder(data, arguments.parallelism());
    if (arguments.kafka() != null) {
      var source = KafkaLogSource.of(arguments.kafka());
      LogrcaJob.build(
          env,
          source,
          arguments.parallelism(),
          arguments.kafka().idleness(),
          settings,
          EventIndexSink.forSource(data, source),
          new IncidentIndexSink(data));
    } else {
      var source = fileSource(arguments, settings);
      LogrcaJob.build(
          env,
          source,
          settings,
          EventIndexSink.forSource(data, source),
          new IncidentIndexSink(data));
    }
  }

  static JobSettings settings(JobArguments arguments) throws IOException {
    JobSettings settings =
        JobSettings.defaults()
            .withParallelism(arguments.parallelism())
            .withSessions(
                SessionSettings.of(Path.of(arguments.data()).toAbsolutePath().toString()));
    if (arguments.rules() != null) {
      if (!Files.isDirectory(Path.of(arguments.rules()))) {
        throw new IllegalArgumentException("--rules " + arguments.rules() + ": not a folder");
      }
      settings =
          settings.withRules(
              new RuleSource(Path.of(arguments.rules()).toAbsolutePath().toString()));
    }
    if (arguments.topology() != null) {
      settings = settings.withTopology(Topology.read(Path.of(arguments.topology())));
    }
    return settings;
  }

  private static Source<LogRecord, ?, ?> fileSource(JobArguments arguments, JobSettings settings)
      throws IOException {
    List<LogFile> files = new ArrayList<>();
    List<LogFolder> folders = new ArrayList<>();
    for (String p : arguments.paths()) {
      Path path = Path.of(p).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        LogFolder folder = new LogFolder(path.toString(), arguments.format());
        folders.add(folder);
        files.addAll(folder.logFiles());
      } else if (Files.isRegularFile(path)) {
        files.add(new LogFile(path.toString(), ServiceNames.fromPath(path), arguments.format()));
      } else {
        throw new IllegalArgumentException(p + ": no such file or folder");
      }
    }
    if (arguments.follow()) {
      return LogFileSource.following(
          files, folders, 1, FollowSettings.defaults(settings.outOfOrderness()));
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no log file in " + arguments.paths());
    }
    return new LogFileSource(files, 1);
  }
}
