package dev.logrca.testing;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker (controller and broker combined) on loopback, in this JVM: the
 * one Kafka fixture of the job's, the command's and the cluster's tests, shipped to app and cluster
 * in flink-jobs' test jar. Its {@link #main} runs one for {@code logrca bench-kafka}.
 */
public final class LoopbackBroker implements AutoCloseable {
  private final KafkaClusterTestKit kafka;

  private LoopbackBroker(KafkaClusterTestKit kafka) {
    this.kafka = kafka;
  }

  /** Starts a broker whose files live in a new folder under {@code base} (created if missing). */
  public static LoopbackBroker start(Path base) throws Exception {
    KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(
                        Files.createTempDirectory(Files.createDirectories(base), "broker"))
                    .build())
            // one broker: the group coordinator's topic cannot have the default 3 replicas
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    try {
      kafka.format();
      kafka.startup();
      kafka.waitForReadyBrokers();
    } catch (Exception e) {
      kafka.close();
      throw e;
    }
    return new LoopbackBroker(kafka);
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** An admin client of this broker; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
  }

  /** Creates the topics and waits until the broker has them. */
  public void createTopics(NewTopic... topics) throws Exception {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(topics)).all().get();
    }
  }

  /** A producer of raw bytes to this broker, with {@code settings} on top; the caller closes it. */
  public KafkaProducer<byte[], byte[]> producer(Map<String, Object> settings) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.putAll(settings);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * The log shipper's side: creates {@code topic} with one partition per key and sends {@code
   * lines.get(i)}, in order, to partition {@code i} with {@code keys.get(i)} as the key. Returns
   * where each record landed, in the order sent.
   */
  public List<RecordMetadata> shipByPartition(
      String topic, List<String> keys, List<List<String>> lines) throws Exception {
    createTopics(new NewTopic(topic, keys.size(), (short) 1));
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(Map.of())) {
      for (int i = 0; i < keys.size(); i++) {
        byte[] key = keys.get(i).getBytes(StandardCharsets.UTF_8);
        for (String line : lines.get(i)) {
          byte[] value = line.getBytes(StandardCharsets.UTF_8);
          sent.add(producer.send(new ProducerRecord<>(topic, i, key, value)));
        }
      }
      List<RecordMetadata> landed = new ArrayList<>(sent.size());
      for (Future<RecordMetadata> future : sent) {
        landed.add(future.get());
      }
      return landed;
    }
  }

  @Override
  public void close() throws Exception {
    kafka.close();
  }

  /**
   * For {@code logrca bench-kafka} on a machine without a broker (app/README.md): starts one under
   * {@code args[0]} (default {@code target/bench-broker}), prints its bootstrap address and runs
   * until standard input closes.
   */
  public static void main(String[] args) throws Exception {
    try (LoopbackBroker broker =
        start(Path.of(args.length > 0 ? args[0] : "target/bench-broker"))) {
      System.out.println(broker.bootstrapServers());
      System.out.flush();
      System.in.transferTo(OutputStream.nullOutputStream());
    }
  }
}
