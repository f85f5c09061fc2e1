package dev.logrca.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft broker for {@code logrca bench-kafka} on a machine without one: the test kit
 * the Kafka tests use, which the fat jar does not carry. Run from the app module's test classpath
 * (app/README.md shows the command); prints the bootstrap address and runs until standard input
 * closes.
 */
public final class BenchBroker {
  private BenchBroker() {}

  public static void main(String[] args) throws Exception {
    Path base = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench-broker"));
    try (KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(base, "broker"))
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build()) {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
      System.out.println(kafka.bootstrapServers());
      System.out.flush();
      System.in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }
}
