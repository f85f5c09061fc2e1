package dev.logrca.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.sink.EventIndexSink;
import dev.logrca.flink.sink.IncidentIndexSink;
import dev.logrca.flink.source.LogFile;
import dev.logrca.flink.source.LogFileSource;
import dev.logrca.index.EventShards;
import dev.logrca.index.IncidentIndex;
import dev.logrca.index.search.Searcher;
import dev.logrca.index.search.TemplateListing;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import dev.logrca.simulate.Truth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole job on a MiniCluster, once per fault category: simulated logs in, the incident whose
 * top root cause names the injected service and category out, and every line in the event index.
 */
class LogrcaJobITCase {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = TestMiniCluster.withSlots(2, configuration());

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, Path.of("target", "flink-tmp").toAbsolutePath().toString());
    return conf;
  }

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} (seed {1}, topology file: {2})")
  @CsvSource({
    "dependency.down, 11, true",
    "network.latency, 12, true",
    "resource.disk_full, 13, false",
    "resource.out_of_memory, 14, true",
    "deploy.bad_release, 15, false",
    "app.exception, 16, true"
  })
  void namesTheInjectedServiceAndCategoryFirst(String scenario, long seed, boolean withTopology)
      throws Exception {
    Path logs = dir.resolve("logs");
    SimulationResult sim =
        new Simulator(SimulationConfig.of(Scenario.fromId(scenario), seed)).run(logs);
    Truth.Fault fault = sim.truth().faults().get(0);
    Topology topology = withTopology ? Topology.read(logs.resolve("topology.json")) : null;

    List<Incident> incidents = run(sim, topology);

    Incident incident = incidentAt(incidents, fault.start().toEpochMilli());
    RootCause top = incident.rootCauses().get(0);
    assertThat(top.service() + " " + top.category())
        .as("top root cause of %s", incident)
        .isEqualTo(fault.service() + " " + fault.category());
    assertThat(top.evidence()).isNotEmpty();
    assertThat(EventShards.count(dir.resolve("data"))).isEqualTo(sim.lines());
    try (Searcher searcher = Searcher.open(dir.resolve("data"))) {
      // every line belongs to exactly one kept template, under its own id or a retired one
      assertThat(searcher.templates(null, Integer.MAX_VALUE))
          .as("templates kept in the event index")
          .isNotEmpty()
          .extracting(TemplateListing::events)
          .allSatisfy(n -> assertThat(n).isPositive())
          .satisfies(
              counts ->
                  assertThat(counts.stream().mapToLong(Long::longValue).sum())
                      .isEqualTo(sim.lines()));
    }
    try (IncidentIndex index = IncidentIndex.open(dir.resolve("data/incidents"))) {
      assertThat(index.get(incident.id())).contains(incident);
    }
  }

  private List<Incident> run(SimulationResult sim, Topology topology) throws Exception {
    List<LogFile> files = new ArrayList<>();
    for (Path file : sim.logFiles()) {
      files.add(new LogFile(file.toString(), ServiceNames.fromPath(file), null));
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(Duration.ofSeconds(2).toMillis());
    String data = dir.resolve("data").toString();
    DataStream<Incident> incidents =
        LogrcaJob.build(
            env,
            new LogFileSource(files, 1),
            JobSettings.defaults().withTopology(topology).withParallelism(2),
            new EventIndexSink(data),
            new IncidentIndexSink(data));
    Map<String, Incident> latest = new LinkedHashMap<>();
    try (CloseableIterator<Incident> updates = incidents.executeAndCollect("logrca-it")) {
      updates.forEachRemaining(i -> latest.put(i.id(), i));
    }
    return new ArrayList<>(latest.values());
  }

  /** The first incident that starts at the fault or after it (with a window's slack). */
  private static Incident incidentAt(List<Incident> incidents, long faultStart) {
    assertThat(incidents).as("incidents").isNotEmpty();
    return incidents.stream()
        .filter(i -> i.end() >= faultStart - 30_000)
        .min(Comparator.comparingLong(Incident::start))
        .orElseThrow(() -> new AssertionError("no incident after the fault: " + incidents));
  }
}
