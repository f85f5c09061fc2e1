package dev.logrca.cli;

import dev.logrca.flink.JobSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.kafka.KafkaSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code logrca bench-kafka}: how long a line takes from a Kafka producer to the event index, where
 * a search finds it, and a known fault's first line to its incident in the incident index, while
 * lines flow at a fixed rate through a broker into the embedded job.
 */
@Command(
    name = "bench-kafka",
    mixinStandardHelpOptions = true,
    description = {
      "Produce the lines of the given logs into a new topic of a Kafka broker (one partition per"
          + " service, keyed by it; the files merged by the lines' times) at a fixed rate while the"
          + " job reads the topic on the embedded MiniCluster, and print how long each line took"
          + " from being sent to being searchable in the event index (p50, p99, max) and the"
          + " sustained rate. The first lines (--warm-up) warm the job up and are not measured. For"
          + " a folder with a truth.json, also how long its fault's first line took to an"
          + " incident naming the fault in the incident index."
    })
public final class KafkaBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Broker.")
  String kafka;

  @Option(
      names = "--rate",
      defaultValue = "10000",
      paramLabel = "LINES",
      description = "Lines sent per second; 0 sends as fast as the producer can (default: 10000).")
  int rate;

  @Option(
      names = "--checkpoint-interval",
      defaultValue = "2",
      paramLabel = "SECONDS",
      description =
          "The job's checkpoint interval: lines become searchable when a checkpoint commits the"
              + " index (default: ${DEFAULT-VALUE}).")
  int checkpointSeconds;

  @Option(
      names = "--idleness",
      defaultValue = RunCommand.DEFAULT_IDLENESS,
      paramLabel = "SECONDS",
      description =
          "A partition quiet this long no longer holds event time back, as `run --idleness`"
              + " (default: ${DEFAULT-VALUE}).")
  int idlenessSeconds;

  @Option(
      names = "--warm-up",
      defaultValue = "0.05",
      paramLabel = "FRACTION",
      description =
          "Share of the lines sent first, at the rate, and waited for before measuring: the JVM"
              + " compiles the job's code in its first minute or two, which a job that runs for"
              + " days pays once. Their latency is printed apart (default: ${DEFAULT-VALUE}).")
  double warmUpShare;

  @Option(
      names = "--compare-file",
      description =
          "Instead of timing latency: fill the topic with all the lines first, then run the job"
              + " from the topic and from the files, as fast as each goes, and print both rates"
              + " and their ratio.")
  boolean compareFile;

  @Option(
      names = "--runs",
      defaultValue = "1",
      paramLabel = "N",
      description = "With --compare-file, runs of each side; medians printed (default: 1).")
  int runs;

  @Option(
      names = "--flink-option",
      paramLabel = "KEY=VALUE",
      description =
          "A Flink configuration option for the embedded MiniCluster (repeatable), to try"
              + " checkpoint and network settings, e.g. execution.checkpointing.unaligned.enabled=true.")
  Map<String, String> flinkOptions = new LinkedHashMap<>();

  @Option(
      names = "--by-length",
      description =
          "Interleave the files in proportion to their length instead of merging them by the"
              + " lines' times (the order of earlier rounds' figures).")
  boolean byLength;

  @Option(names = "--format", paramLabel = "HEADER", description = "Header format, as analyze.")
  String format;

  @Option(
      names = "--scratch",
      paramLabel = "DIR",
      defaultValue = "bench-data",
      description = "Folder for the indices written; emptied first (default: ${DEFAULT-VALUE}).")
  Path scratch;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Log files or folders.")
  List<Path> paths;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    checkOptions();
    InputScan scan = InputScan.of(paths, format);
    scan.problems().forEach(spec.commandLine().getErr()::println);
    if (scan.files().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no readable log file given");
    }
    List<List<byte[]>> lines = new ArrayList<>();
    List<long[]> times = new ArrayList<>();
    List<String> services = new ArrayList<>();
    for (LogFile file : scan.files()) {
      services.add(file.service());
      List<String> text = Files.readAllLines(Path.of(file.path()), StandardCharsets.UTF_8);
      List<byte[]> ofFile = new ArrayList<>();
      for (String line : text) {
        ofFile.add(line.getBytes(StandardCharsets.UTF_8));
      }
      lines.add(ofFile);
      times.add(LineTimes.of(file, text));
    }
    String topic = "logrca-bench-" + System.currentTimeMillis();
    createTopic(topic, services.size());
    FileUtils.deleteDirectory(scratch.toFile());
    if (compareFile) {
      new KafkaIngestComparison(kafka, JobSettings.defaults(), scratch, checkpoints())
          .run(out, scan.files(), services, lines, topic, runs);
      return 0;
    }
    Path data = scratch.resolve("data");
    Files.createDirectories(data);
    try (Visibility visibility = new Visibility(data, topic, services.size(), lines)) {
      FaultTruth truth = truthOf(paths);
      if (truth != null) {
        visibility.watch(FaultIncidentWatch.of(data, truth, scan.files(), times));
      }
      SendSchedule schedule =
          byLength ? SendSchedule.interleaved(lines) : SendSchedule.byTime(times);
      timeLatency(out, data, topic, services, lines, schedule, visibility);
    }
    return 0;
  }

  private void checkOptions() {
    if (rate < 0 || checkpointSeconds < 1 || runs < 1 || idlenessSeconds < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--rate must be 0 or more, --checkpoint-interval, --idleness and --runs at least 1");
    }
    if (!(warmUpShare > 0 && warmUpShare < 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--warm-up must be above 0 and below 1, not " + warmUpShare);
    }
  }

  /**
   * Runs the job on the topic while sending the schedule: the warm-up's lines, waited for, then the
   * measured rest; prints what {@code visibility} saw and the JIT compilers' time in each.
   */
  private void timeLatency(
      PrintWriter out,
      Path data,
      String topic,
      List<String> services,
      List<List<byte[]>> lines,
      SendSchedule schedule,
      Visibility visibility)
      throws Exception {
    CompletableFuture<Void> stop = new CompletableFuture<>();
    ExecutorService job = Executors.newSingleThreadExecutor();
    Future<EmbeddedRun.Result> run = job.submit(() -> startJob(data, topic, stop));
    try {
      int warmUp = (int) Math.max(1, Math.min(schedule.size() - 1, schedule.size() * warmUpShare));
      CompileTime compiling = new CompileTime();
      send(topic, services, lines, schedule, 0, warmUp, visibility);
      visibility.awaitAll(warmUp, schedule, Duration.ofMinutes(3));
      double warmUpCompiling = compiling.secondsSinceLast();
      visibility.startMeasuring();
      long started = System.nanoTime();
      send(topic, services, lines, schedule, warmUp, schedule.size(), visibility);
      double sendSeconds = (System.nanoTime() - started) / 1e9;
      boolean all = visibility.awaitAll(schedule.size(), schedule, Duration.ofMinutes(5));
      visibility.awaitIncident(Duration.ofMinutes(1));
      visibility.report(out, schedule.size() - warmUp, rate, sendSeconds, started, all);
      out.printf(
          "JIT compiling (this JVM's compilers, all threads): %.1f s during the warm-up (%,d"
              + " lines), %.1f s while measuring%n",
          warmUpCompiling, warmUp, compiling.secondsSinceLast());
    } finally {
      stop.complete(null);
      run.get();
      job.shutdown();
    }
  }

  /** The JVM's JIT compilers' accumulated time, read in steps. */
  private static final class CompileTime {
    private final CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
    private long last = millis();

    private long millis() {
      return bean != null && bean.isCompilationTimeMonitoringSupported()
          ? bean.getTotalCompilationTime()
          : 0;
    }

    double secondsSinceLast() {
      long now = millis();
      double seconds = (now - last) / 1e3;
      last = now;
      return seconds;
    }
  }

  /** The truth beside a single folder of logs (a simulator's output), or null. */
  private static FaultTruth truthOf(List<Path> paths) throws IOException {
    if (paths.size() != 1 || !Files.isRegularFile(paths.get(0).resolve("truth.json"))) {
      return null;
    }
    return FaultTruth.read(paths.get(0));
  }

  private Configuration checkpoints() {
    Configuration extra = new Configuration();
    extra.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(checkpointSeconds));
    extra.addAll(Configuration.fromMap(flinkOptions));
    return extra;
  }

  private EmbeddedRun.Result startJob(Path data, String topic, CompletableFuture<Void> stop)
      throws Exception {
    Configuration extra = checkpoints();
    KafkaSettings settings =
        new KafkaSettings(
            kafka,
            List.of(topic),
            null,
            topic,
            Map.of(),
            false,
            Duration.ofSeconds(idlenessSeconds));
    return new EmbeddedRun(data, JobSettings.defaults(), extra)
        .stream(settings, stop, incident -> {});
  }

  private void createTopic(String topic, int partitions) throws Exception {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", kafka);
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  /** Sends lines {@code from} to {@code to} of the schedule, paced to the rate. */
  private void send(
      String topic,
      List<String> services,
      List<List<byte[]>> lines,
      SendSchedule schedule,
      int from,
      int to,
      Visibility visibility)
      throws IOException {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      long start = System.nanoTime();
      for (int i = from; i < to; i++) {
        if (rate > 0) {
          long due = start + (long) ((i - from) * (1e9 / rate));
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        int partition = schedule.partition(i);
        int offset = schedule.offset(i);
        visibility.sent(partition, offset, System.nanoTime());
        producer.send(
            new ProducerRecord<>(
                topic,
                partition,
                services.get(partition).getBytes(StandardCharsets.UTF_8),
                lines.get(partition).get(offset)));
      }
      producer.flush();
    }
  }
}
