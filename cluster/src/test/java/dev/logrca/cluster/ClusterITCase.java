package dev.logrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.model.LogRecord;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import dev.logrca.testing.LoopbackBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * logrca on a real multi-process Flink session cluster: a JobManager and two TaskManagers as
 * separate JVMs on the Maven jars, the job jar submitted over REST, reading a simulated system's
 * logs with an injected fault from a real broker. One run goes uninterrupted; in a second, after a
 * checkpoint completed inside the outage, one TaskManager is killed with SIGKILL and a replacement
 * started: the job restores from its checkpoint and must end with exactly the produced lines in the
 * event index (by count and by id, each at the same time) and the same incidents as the
 * uninterrupted run.
 */
class ClusterITCase {
  private static final Path JOB_JAR = Path.of("../flink-jobs/target/logrca-job.jar");
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
  private static final Map<String, Process> PROCESSES = new ConcurrentHashMap<>();
  private static final Thread KILL_ON_EXIT =
      new Thread(() -> PROCESSES.values().forEach(Process::destroyForcibly));

  private static Path base;
  private static LoopbackBroker broker;
  private static LocalFlinkCluster cluster;
  private static FlinkRest rest;
  private static Set<String> produced;
  private static long producedBytes;

  /** The offset of each partition's first stack frame, for the partitions that have any. */
  private static final Map<Integer, Long> firstFrames = new HashMap<>();

  private static Path topology;

  @BeforeAll
  static void startBrokerAndCluster() throws Exception {
    assertThat(JOB_JAR).as("the job jar (flink-jobs is packaged before this module)").exists();
    Files.createDirectories(Path.of("target", "cluster-it"));
    base = Files.createTempDirectory(Path.of("target", "cluster-it").toAbsolutePath(), "run");
    Runtime.getRuntime().addShutdownHook(KILL_ON_EXIT);
    broker = LoopbackBroker.start(base);
    produceSimulatedLogs();

    String classpath = Files.readString(Path.of("target", "flink-classpath.txt")).strip();
    cluster =
        new LocalFlinkCluster(
            new ClusterConfig(base.resolve("cluster"), freePort(), freePort()), classpath);
    cluster.config().write();
    rest = new FlinkRest(cluster.config().restUrl());
    PROCESSES.put("jobmanager", cluster.startJobManager(freePort()));
    startTaskManager("taskmanager-1");
    startTaskManager("taskmanager-2");
    ClusterReady.await(rest, 2, Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (cluster != null) {
      cluster.stop(Duration.ofSeconds(10));
    }
    PROCESSES.values().forEach(Process::destroyForcibly);
    if (broker != null) {
      broker.close();
    }
    Runtime.getRuntime().removeShutdownHook(KILL_ON_EXIT);
  }

  @Test
  void aKilledTaskManagerLosesNothingDuplicatesNothingAndChangesNoIncident() throws Exception {
    String jar = rest.uploadJar(JOB_JAR);

    String reference = rest.run(jar, jobArguments("reference"));
    awaitFinished(reference);
    assertThat(rest.restarted(reference)).as("the reference run restarted").isFalse();

    // until the kill the readers crawl (the whole topic would take the larger one over 30 s), and
    // the kill waits for a checkpoint inside the outage, among the stack traces its callers log
    // one frame per record: the restore then resumes open hypotheses and, most times, a trace in
    // its middle; after the kill the readers go at the reference's pace again
    throttleConsumers(producedBytes / 60);
    String job = rest.run(jar, jobArguments("killed"));
    try (Admin admin = broker.admin()) {
      ClusterReady.until(
          "a checkpoint of job " + job + " inside the outage",
          JOB_TIMEOUT,
          () ->
              checkpointedInsideTheOutage(admin, "killed")
                  || !rest.jobState(job).equals("RUNNING"));
    }
    assertThat(rest.jobState(job)).as("job state at the checkpoint").isEqualTo("RUNNING");
    String metrics = scrape(cluster.config(), "taskmanager-2");
    Process victim = PROCESSES.remove("taskmanager-1");
    victim.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean close of anything
    throttleConsumers(producedBytes / 20);
    startTaskManager("taskmanager-3");
    awaitFinished(job);

    assertThat(rest.restarted(job)).as("the job failed over after the kill").isTrue();
    // what the runs took, for the record (failsafe's output file): not asserted, the VM is shared
    for (String id : List.of(reference, job)) {
      System.out.printf(
          "job %s: %d records in %d ms%n",
          id, produced.size(), rest.job(id).path("duration").asLong());
    }
    for (String run : List.of("reference", "killed")) {
      List<String> ids = IndexContents.eventIds(base.resolve(run));
      assertThat(ids).as("%s: event documents", run).hasSize(produced.size());
      assertThat(new HashSet<>(ids)).as("%s: event ids", run).isEqualTo(produced);
    }
    // a restore inside a stack trace sent one record per line must date its frames as before
    Map<String, Long> referenceTimes = IndexContents.eventTimes(base.resolve("reference"));
    Map<String, Long> killedTimes = IndexContents.eventTimes(base.resolve("killed"));
    List<String> moved =
        referenceTimes.keySet().stream()
            .filter(id -> !referenceTimes.get(id).equals(killedTimes.get(id)))
            .sorted()
            .limit(10)
            .toList();
    assertThat(moved).as("lines dated otherwise after the kill (the first 10)").isEmpty();
    List<String> incidents = IndexContents.incidents(base.resolve("reference"));
    assertThat(incidents).as("incidents of the uninterrupted run").isNotEmpty();
    assertThat(IndexContents.incidents(base.resolve("killed")))
        .as("incidents (id, top root cause) after the kill")
        .isEqualTo(incidents);
    // Flink's Prometheus reporter serves the job's own metrics on each TaskManager. Only those of
    // the miner's task, which lives until every reader ends: a reader whose partitions are read
    // to their end finishes (bounded run), and its source metrics go with it.
    assertThat(metrics)
        .contains("flink_taskmanager_job_task_operator_linesPerSecond")
        .contains("flink_taskmanager_job_task_operator_linesKeptRaw")
        .contains("flink_taskmanager_job_task_operator_lateEvents");
  }

  private static List<String> jobArguments(String run) {
    return List.of(
        "--kafka",
        broker.bootstrapServers(),
        "--topic",
        "logs",
        "--group",
        run,
        "--until-latest",
        // small fetches, so the broker's quota paces the reading instead of one big first fetch
        "--kafka-property",
        "max.partition.fetch.bytes=8192",
        "--kafka-property",
        "fetch.max.bytes=16384",
        // every partition has lines until its end, which releases its watermark; a long idleness
        // keeps a reader slowed by the shared machine from being taken for idle (its lines late)
        "--idleness",
        "120",
        "--parallelism",
        "2",
        "--checkpoint-interval",
        "2",
        "--topology",
        topology.toString(),
        "--data",
        base.resolve(run).toString());
  }

  /**
   * Whether a completed checkpoint of the run's group (offsets are committed when one completes) is
   * past the first stack frame of a partition that has any.
   */
  private static boolean checkpointedInsideTheOutage(Admin admin, String group)
      throws IOException, InterruptedException {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return firstFrames.entrySet().stream()
          .anyMatch(
              first -> {
                OffsetAndMetadata at = committed.get(new TopicPartition("logs", first.getKey()));
                return at != null && at.offset() > first.getValue();
              });
    } catch (ExecutionException e) {
      throw new IOException("offsets of group " + group, e);
    }
  }

  private static void awaitFinished(String job) throws Exception {
    ClusterReady.until(
        "job " + job + " to finish",
        JOB_TIMEOUT,
        () -> {
          String state = rest.jobState(job);
          if (state.equals("FAILED") || state.equals("CANCELED")) {
            throw new AssertionError("job " + job + " " + state + "; logs in " + base);
          }
          return state.equals("FINISHED");
        });
  }

  /** A simulated dependency outage: each service's file into a partition of its own. */
  private static void produceSimulatedLogs() throws Exception {
    Path logs = base.resolve("logs");
    SimulationResult sim =
        new Simulator(SimulationConfig.of(Scenario.fromId("dependency.down"), 11).withMinutes(3))
            .run(logs);
    topology = logs.resolve("topology.json");
    List<String> services = new ArrayList<>();
    List<List<String>> lines = new ArrayList<>();
    for (Path file : sim.logFiles()) {
      services.add(ServiceNames.fromPath(file));
      lines.add(Files.readAllLines(file));
    }
    produced = new LinkedHashSet<>();
    for (RecordMetadata m : broker.shipByPartition("logs", services, lines)) {
      // the event id the job's Kafka source gives the record: topic/partition and offset
      produced.add(LogRecord.eventIdOf(m.topic() + "/" + m.partition(), m.offset()));
    }
    assertThat(produced).hasSize((int) sim.lines());
    for (int partition = 0; partition < lines.size(); partition++) {
      List<String> partitionLines = lines.get(partition);
      for (int offset = 0; offset < partitionLines.size(); offset++) {
        if (partitionLines.get(offset).startsWith("\tat ")) {
          firstFrames.put(partition, (long) offset);
          break;
        }
      }
    }
    assertThat(firstFrames).as("partitions with stack frames, one record each").isNotEmpty();
    // each of the two readers at most a twentieth of the records' bytes a second: a run lasts at
    // least ~10 s, several checkpoint intervals, however idle the machine
    producedBytes = lines.stream().flatMap(List::stream).mapToLong(l -> l.length() + 1L).sum();
    throttleConsumers(producedBytes / 20);
  }

  /**
   * Caps every consumer of the broker at {@code bytesPerSecond} (a default client-id quota, as an
   * operator would set one). The job then reads at a pace the test knows on an idle machine too:
   * uncapped, the 12,000 records are read before the first checkpoint and there is nothing left to
   * kill the TaskManager in the middle of.
   */
  private static void throttleConsumers(long bytesPerSecond) throws Exception {
    ClientQuotaEntity everyClient =
        new ClientQuotaEntity(Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));
    ClientQuotaAlteration.Op rate =
        new ClientQuotaAlteration.Op("consumer_byte_rate", (double) bytesPerSecond);
    try (Admin admin = broker.admin()) {
      admin
          .alterClientQuotas(List.of(new ClientQuotaAlteration(everyClient, List.of(rate))))
          .all()
          .get();
    }
  }

  private static void startTaskManager(String name) throws Exception {
    PROCESSES.put(name, cluster.startTaskManager(name, metricsPort(name)));
  }

  private static final Map<String, Integer> METRICS_PORTS = new ConcurrentHashMap<>();

  private static int metricsPort(String name) {
    return METRICS_PORTS.computeIfAbsent(name, n -> freePort());
  }

  private static String scrape(ClusterConfig config, String name) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + metricsPort(name) + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s's Prometheus reporter", name).isEqualTo(200);
    return response.body();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}
