package dev.logrca.cli;

import dev.logrca.core.model.IncidentJson;
import dev.logrca.flink.JobCounters;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.source.FollowSettings;
import dev.logrca.flink.source.kafka.KafkaSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logrca run}: the long-running job, embedded, from Kafka topics or from followed files and
 * folders; the same graph as {@code analyze}. Runs until SIGTERM or Ctrl-C, then drains.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run the job until stopped (Ctrl-C or SIGTERM), in an embedded Flink MiniCluster: read log"
          + " lines from Kafka (--kafka HOST:PORT --topic logs), or follow files and folders as"
          + " they grow. Prints each incident when it is first reported and when its likeliest"
          + " cause changes; on stop, the final incidents and a summary."
    })
public final class RunCommand implements Callable<Integer> {
  /** Seconds a quiet partition holds event time back, for {@code run} and {@code bench-kafka}. */
  static final String DEFAULT_IDLENESS = "10";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions job;

  @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
  String kafka;

  @Option(names = "--topic", paramLabel = "TOPIC", description = "A topic to read (repeatable).")
  List<String> topics = new ArrayList<>();

  @Option(
      names = "--topic-pattern",
      paramLabel = "REGEX",
      description = "Read every topic whose name matches, new ones included.")
  String topicPattern;

  @Option(
      names = "--group",
      defaultValue = "logrca",
      description =
          "Consumer group; offsets are committed to it at each checkpoint (default:"
              + " ${DEFAULT-VALUE}).")
  String group;

  @Option(
      names = "--kafka-property",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka client property, passed through (security.protocol, sasl.*, ssl.*...).")
  Map<String, String> kafkaProperties = new LinkedHashMap<>();

  @Option(
      names = "--kafka-properties",
      paramLabel = "FILE",
      description = "A properties file of Kafka client properties; --kafka-property wins.")
  Path kafkaPropertiesFile;

  @Option(
      names = "--until-latest",
      description = "Stop at the offsets that are the latest at the start (a backfill).")
  boolean untilLatest;

  @Option(
      names = "--idleness",
      paramLabel = "SECONDS",
      defaultValue = DEFAULT_IDLENESS,
      description =
          "A partition quiet this long no longer holds event time back; one the reader had"
              + " caught up with (its last line read within 1 s of being written) after 1 s"
              + " (default: ${DEFAULT-VALUE}).")
  int idlenessSeconds;

  @Option(
      names = "--checkpoint-interval",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description =
          "How often the job checkpoints; what it indexed becomes searchable (and durable) at each"
              + " checkpoint, so this bounds how soon a line can be found (default:"
              + " ${DEFAULT-VALUE}).")
  int checkpointSeconds;

  @Option(names = "--json", description = "One JSON object per incident per line.")
  boolean json;

  @Option(
      names = "--serve",
      arity = "0..1",
      fallbackValue = "127.0.0.1:8080",
      paramLabel = "HOST:PORT",
      description =
          "Also serve the console and JSON API (as logrca serve) while the job runs; default"
              + " address 127.0.0.1:8080. Write --serve=ADDR or put it after the paths.")
  String serve;

  @Mixin ConsoleOptions console;

  /** Completed with the console's address once it listens (with --serve); for tests. */
  final CompletableFuture<java.net.URI> listening = new CompletableFuture<>();

  /** Completing it stops the run; set by tests, else Ctrl-C and SIGTERM complete it. */
  CompletableFuture<Void> stopRequest;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Log files or folders to follow, when not reading Kafka.")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JobSettings settings = job.settings(spec);
    if (checkpointSeconds < 1) {
      throw usage("--checkpoint-interval must be at least 1 second");
    }
    String bind = ConsoleOptions.serveAddress(serve, paths);
    KafkaSettings kafkaSettings = kafkaSettings();
    CompletableFuture<Void> stop = stopRequest;
    if (stop == null) {
      stop = new CompletableFuture<>();
      StopSignals.install(stop, err);
    }
    try (ConsoleOptions.Console running =
        console.startIfAsked(
            spec.commandLine(), job.data, bind, settings.topology(), err, listening)) {
      printFinal(out, err, runJob(out, err, settings, kafkaSettings, stop));
    }
    return 0;
  }

  /** Runs the job from Kafka or the followed paths until {@code stop} completes. */
  private EmbeddedRun.Result runJob(
      PrintWriter out,
      PrintWriter err,
      JobSettings settings,
      KafkaSettings kafkaSettings,
      CompletableFuture<Void> stop)
      throws Exception {
    Configuration checkpoints = new Configuration();
    checkpoints.set(
        CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(checkpointSeconds));
    EmbeddedRun run = new EmbeddedRun(job.data, settings, checkpoints);
    EmbeddedRun.Result result;
    if (kafkaSettings != null) {
      err.printf(
          "reading %s from %s; Ctrl-C stops%n",
          topicPattern != null ? "topics matching " + topicPattern : String.join(", ", topics),
          kafka);
      err.flush();
      result = run.stream(kafkaSettings, stop, new IncidentFeed(out, json));
    } else {
      InputScan scan = InputScan.of(paths, job.format);
      scan.problems().forEach(err::println);
      if (scan.files().isEmpty() && scan.folders().isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no readable log file given");
      }
      err.printf(
          "following %d files and %d folders; Ctrl-C stops%n",
          scan.files().size(), scan.folders().size());
      err.flush();
      result =
          run.follow(
              scan.files(),
              scan.folders(),
              FollowSettings.defaults(settings.outOfOrderness()),
              stop,
              new IncidentFeed(out, json));
    }
    return result;
  }

  /** The Kafka settings of the options, or null to follow files. */
  KafkaSettings kafkaSettings() throws IOException {
    boolean kafkaOptions =
        !topics.isEmpty()
            || topicPattern != null
            || !kafkaProperties.isEmpty()
            || kafkaPropertiesFile != null
            || untilLatest;
    if (kafka == null) {
      if (kafkaOptions) {
        throw usage("--topic, --topic-pattern and the Kafka properties need --kafka");
      }
      if (paths.isEmpty()) {
        throw usage("give --kafka HOST:PORT --topic TOPIC, or files and folders to follow");
      }
      return null;
    }
    if (!paths.isEmpty() || job.format != null) {
      throw usage("read --kafka or files, not both");
    }
    if (idlenessSeconds < 1) {
      throw usage("--idleness must be at least 1 second");
    }
    try {
      return new KafkaSettings(
          kafka,
          topics,
          topicPattern,
          group,
          clientProperties(),
          untilLatest,
          Duration.ofSeconds(idlenessSeconds));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private Map<String, String> clientProperties() {
    Map<String, String> all = new LinkedHashMap<>();
    if (kafkaPropertiesFile != null) {
      Properties file = new Properties();
      try (Reader in = Files.newBufferedReader(kafkaPropertiesFile)) {
        file.load(in);
      } catch (IOException e) {
        throw usage("--kafka-properties " + kafkaPropertiesFile + ": " + e.getMessage());
      }
      file.stringPropertyNames().forEach(k -> all.put(k, file.getProperty(k)));
    }
    all.putAll(kafkaProperties);
    return all;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private void printFinal(PrintWriter out, PrintWriter err, EmbeddedRun.Result result) {
    if (json) {
      result.incidents().forEach(i -> out.println(IncidentJson.write(i)));
    } else {
      out.println();
      out.println("Final state of the incidents:");
      new IncidentReport(out).print(result.incidents());
    }
    out.flush();
    err.printf(
        "read %d lines in %.1f s; %d kept as raw text, %d arrived too late to count;"
            + " %d incidents; indices in %s%n",
        result.counter(JobCounters.LINES),
        result.wallTime().toMillis() / 1000.0,
        result.counter(JobCounters.KEPT_RAW),
        result.counter(JobCounters.LATE),
        result.incidents().size(),
        job.data.toAbsolutePath().normalize());
    err.flush();
  }
}
