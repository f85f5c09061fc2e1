package dev.logrca.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code config.yaml} and log4j configuration of a local session cluster: small memory, one
 * slot per TaskManager, checkpoints and temporary files under the cluster's folder, a fixed-delay
 * restart strategy, fast detection of a lost TaskManager and Flink's Prometheus reporter.
 *
 * @param home the cluster's folder: {@code conf/}, {@code log/}, {@code tmp/}, {@code
 *     checkpoints/}, {@code pids/}
 * @param rpcPort the JobManager's RPC port
 * @param restPort the REST API and web UI port
 */
public record ClusterConfig(Path home, int rpcPort, int restPort) {

  /** The folder {@code config.yaml} is written to, what {@code --configDir} names. */
  public Path confDir() {
    return home.resolve("conf");
  }

  /** The folder of the processes' logs and standard output. */
  public Path logDir() {
    return home.resolve("log");
  }

  /** The folder checkpoints are written to (a file system every process shares). */
  public Path checkpointDir() {
    return home.resolve("checkpoints");
  }

  /** The REST API's base address. */
  public String restUrl() {
    return "http://localhost:" + restPort;
  }

  /** Writes {@code conf/config.yaml} and {@code conf/log4j.properties}. */
  public void write() throws IOException {
    for (Path dir : new Path[] {confDir(), logDir(), checkpointDir(), home.resolve("tmp")}) {
      Files.createDirectories(dir);
    }
    String yaml =
        settings().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue())
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(confDir().resolve("config.yaml"), yaml);
    Files.writeString(confDir().resolve("log4j.properties"), LOG4J);
  }

  /** The settings, in the order they are written. */
  Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("jobmanager.rpc.address", "localhost");
    s.put("jobmanager.rpc.port", Integer.toString(rpcPort));
    s.put("jobmanager.bind-host", "localhost");
    s.put("taskmanager.host", "localhost");
    s.put("taskmanager.bind-host", "localhost");
    s.put("rest.address", "localhost");
    s.put("rest.bind-address", "localhost");
    s.put("rest.port", Integer.toString(restPort));
    // small JVMs: the machines are shared; the job's heap is what the template miner and Drools
    // need
    s.put("jobmanager.memory.process.size", "800m");
    s.put("taskmanager.memory.process.size", "896m");
    s.put("taskmanager.memory.managed.size", "64m");
    s.put("taskmanager.memory.network.min", "32m");
    s.put("taskmanager.memory.network.max", "32m");
    s.put("taskmanager.memory.jvm-metaspace.size", "160m");
    s.put("taskmanager.memory.jvm-overhead.min", "96m");
    s.put("taskmanager.numberOfTaskSlots", "1");
    s.put("parallelism.default", "1");
    s.put("execution.checkpointing.dir", home.resolve("checkpoints").toUri().toString());
    s.put("restart-strategy.type", "fixed-delay");
    // a standalone cluster cannot start TaskManagers: while a lost one's replacement starts, each
    // attempt fails at once for want of slots, so allow a minute or two of attempts
    s.put("restart-strategy.fixed-delay.attempts", "60");
    s.put("restart-strategy.fixed-delay.delay", "2 s");
    // a killed TaskManager is noticed in seconds, not after the default 50 s heartbeat timeout
    s.put("heartbeat.interval", "1000");
    s.put("heartbeat.timeout", "8000");
    s.put("slot.request.timeout", "120000");
    s.put("io.tmp.dirs", home.resolve("tmp").toString());
    s.put("web.tmpdir", home.resolve("tmp").toString());
    s.put("web.upload.dir", home.resolve("tmp").toString());
    s.put("metrics.reporter.prom.factory.class", PROMETHEUS_FACTORY);
    s.put("metrics.reporter.prom.port", "9249-9259");
    return s;
  }

  /** Flink's Prometheus reporter: each process serves {@code /metrics} on its own port. */
  public static final String PROMETHEUS_FACTORY =
      "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

  private static final String LOG4J =
      """
      rootLogger.level = INFO
      rootLogger.appenderRef.file.ref = file
      appender.file.type = File
      appender.file.name = file
      appender.file.fileName = ${sys:log.file}
      appender.file.layout.type = PatternLayout
      appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
      logger.kafka.name = org.apache.kafka
      logger.kafka.level = WARN
      logger.drools.name = org.drools
      logger.drools.level = WARN
      """;
}
