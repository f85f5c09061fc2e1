package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.decode.ServiceNames;
import dev.logrca.index.EventShards;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import dev.logrca.simulate.Truth;
import dev.logrca.testing.LoopbackBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code logrca run --kafka} against a real broker in this JVM: a simulated fault's log files go to
 * a topic, one partition per file and keyed by the file's service, as a shipper would send them;
 * the run reads up to the latest offsets and names the injected fault, and the event index holds
 * every record sent.
 */
class RunKafkaITCase {
  @TempDir Path dir;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void namesTheFaultFromLinesShippedToKafka() throws Exception {
    SimulationResult sim =
        new Simulator(SimulationConfig.of(Scenario.fromId("dependency.down"), 11))
            .run(dir.resolve("sim"));
    Truth.Fault fault = sim.truth().faults().get(0);
    try (LoopbackBroker kafka = LoopbackBroker.start(dir.resolve("broker"))) {
      long sent = ship(kafka, sim.logFiles());

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = Logrca.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      RunCommand run = cli.getSubcommands().get("run").getCommand();
      // never completed: --until-latest ends the run; no signal handlers in the test JVM
      run.stopRequest = new CompletableFuture<>();
      int code =
          cli.execute(
              "run",
              "--kafka",
              kafka.bootstrapServers(),
              "--topic",
              "logs",
              "--until-latest",
              "--kafka-property",
              "client.id=logrca-run-it",
              "--data",
              dir.resolve("data").toString(),
              "--topology",
              dir.resolve("sim/topology.json").toString());

      assertThat(code).as(err.toString()).isZero();
      assertThat(out.toString())
          .contains("Final state of the incidents:")
          .contains("top cause: " + fault.service() + " " + fault.category());
      assertThat(err.toString()).contains("read " + sent + " lines");
      assertThat(EventShards.count(dir.resolve("data"))).isEqualTo(sent);
    }
  }

  @Test
  void kafkaOptionsWithoutKafkaAreAUsageError() {
    CliRun run = CliRun.of("run", "--topic", "logs");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--topic, --topic-pattern and the Kafka properties need --kafka");
    CliRun both = CliRun.of("run", "--kafka", "localhost:9092", "--topic", "t", "x.log");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("read --kafka or files, not both");
  }

  /** Each file's lines into a partition of its own, in order, keyed by the file's service. */
  private static long ship(LoopbackBroker kafka, List<Path> files) throws Exception {
    List<String> services = new ArrayList<>();
    List<List<String>> lines = new ArrayList<>();
    for (Path file : files) {
      services.add(ServiceNames.fromPath(file));
      lines.add(Files.readAllLines(file));
    }
    return kafka.shipByPartition("logs", services, lines).size();
  }
}
