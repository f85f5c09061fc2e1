package dev.logrca.cli;

import dev.logrca.flink.JobCounters;
import dev.logrca.flink.JobSettings;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.kafka.KafkaSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.FileUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench-kafka --compare-file}: the job's sustained rate reading a topic pre-filled with the
 * corpus's lines against its rate reading the same files, alternated in one JVM, so that the two
 * sources are compared on the same lines, the same warm JIT and the same machine load.
 */
final class KafkaIngestComparison {
  private final String kafka;
  private final JobSettings settings;
  private final Path scratch;
  private final Configuration cluster;

  /** Both sides run with {@code cluster} on top of the embedded defaults (checkpoint interval). */
  KafkaIngestComparison(String kafka, JobSettings settings, Path scratch, Configuration cluster) {
    this.kafka = kafka;
    this.settings = settings;
    this.scratch = scratch;
    this.cluster = cluster;
  }

  /**
   * Fills {@code topic} (one partition per file, created by the caller) with every file's lines,
   * then runs the job once from each side to warm the JVM up (printed, not counted: the first runs
   * of a JVM are its slowest), then {@code runs} times from each side, the file first in odd runs
   * and Kafka first in even ones, and prints each run's rate, the medians and their ratio. Both
   * runs start a MiniCluster and end when their input ends: the Kafka job reads up to the offsets
   * that were the latest when it started.
   */
  void run(
      PrintWriter out,
      List<LogFile> files,
      List<String> services,
      List<List<byte[]>> lines,
      String topic,
      int runs)
      throws Exception {
    long filled = fill(topic, services, lines);
    out.printf("topic %s filled with %,d lines in %d partitions%n", topic, filled, lines.size());
    out.flush();
    double[] file = new double[runs + 1];
    double[] fromKafka = new double[runs + 1];
    for (int run = 0; run <= runs; run++) {
      EmbeddedRun.Result f = null;
      if (run % 2 == 0) {
        f = fromFiles(out, files, run, file);
      }
      EmbeddedRun.Result k = fromTopic(out, topic, run, fromKafka);
      if (f == null) {
        f = fromFiles(out, files, run, file);
      }
      if (k.counter(JobCounters.LINES) != f.counter(JobCounters.LINES)) {
        out.printf(
            "  warning: the runs read different line counts (file %,d, kafka %,d)%n",
            f.counter(JobCounters.LINES), k.counter(JobCounters.LINES));
      }
    }
    double m = median(Arrays.copyOfRange(file, 1, runs + 1));
    double k = median(Arrays.copyOfRange(fromKafka, 1, runs + 1));
    out.printf("median: file %,.0f lines/s, kafka %,.0f lines/s, kafka/file %.3f%n", m, k, k / m);
    out.flush();
  }

  private EmbeddedRun.Result fromFiles(
      PrintWriter out, List<LogFile> files, int run, double[] rates) throws Exception {
    EmbeddedRun.Result result = new EmbeddedRun(emptied("file"), settings, cluster).run(files);
    rates[run] = rate(out, "file ", run, result);
    return result;
  }

  private EmbeddedRun.Result fromTopic(PrintWriter out, String topic, int run, double[] rates)
      throws Exception {
    KafkaSettings bounded =
        new KafkaSettings(
            kafka,
            List.of(topic),
            null,
            topic + "-run" + run, // a new group starts at the earliest offsets
            Map.of(),
            true,
            Duration.ofSeconds(10));
    EmbeddedRun.Result result =
        new EmbeddedRun(emptied("kafka"), settings, cluster).stream(bounded, null, incident -> {});
    rates[run] = rate(out, "kafka", run, result);
    return result;
  }

  /** Sends every line as fast as the producer goes; returns how many. */
  private long fill(String topic, List<String> services, List<List<byte[]>> lines)
      throws IOException {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    long sent = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int partition = 0; partition < lines.size(); partition++) {
        byte[] key = services.get(partition).getBytes(StandardCharsets.UTF_8);
        for (byte[] line : lines.get(partition)) {
          producer.send(new ProducerRecord<>(topic, partition, key, line));
          sent++;
        }
      }
      producer.flush();
    }
    return sent;
  }

  private Path emptied(String name) throws IOException {
    Path dir = scratch.resolve(name);
    FileUtils.deleteDirectory(dir.toFile());
    Files.createDirectories(dir);
    return dir;
  }

  private static double rate(PrintWriter out, String side, int run, EmbeddedRun.Result result) {
    long lines = result.counter(JobCounters.LINES);
    double seconds = Math.max(result.wallTime().toMillis(), 1) / 1000.0;
    out.printf(
        "%s %s: %,d lines in %.1f s = %,.0f lines/s%n",
        side, run == 0 ? "warm-up" : "run " + run, lines, seconds, lines / seconds);
    out.flush();
    return lines / seconds;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
