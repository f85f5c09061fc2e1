package dev.logrca.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker in the test JVM, and the log shipper's side: each service's
 * lines, in order, into a partition of its own, keyed by the service's name.
 */
final class TestBroker implements AutoCloseable {
  private final KafkaClusterTestKit kafka;

  private TestBroker(KafkaClusterTestKit kafka) {
    this.kafka = kafka;
  }

  /** Starts a broker whose files live under {@code base}. */
  static TestBroker start(Path base) throws Exception {
    KafkaClusterTestKit kafka =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(base, "broker"))
                    .build())
            // one broker: the group coordinator's topic cannot have the default 3 replicas
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
    return new TestBroker(kafka);
  }

  String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /**
   * Creates {@code topic} with one partition per service and sends each service's lines, in order,
   * to its partition with the service as the key. Returns the event id of every record sent ({@code
   * topic/partition} and offset, as the job's Kafka source names them).
   */
  Set<String> produce(String topic, List<String> services, List<List<String>> lines)
      throws Exception {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", bootstrapServers());
    try (Admin client = Admin.create(admin)) {
      client.createTopics(List.of(new NewTopic(topic, services.size(), (short) 1))).all().get();
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    Set<String> ids = new LinkedHashSet<>();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
      for (int s = 0; s < services.size(); s++) {
        byte[] key = services.get(s).getBytes(StandardCharsets.UTF_8);
        for (String line : lines.get(s)) {
          byte[] value = line.getBytes(StandardCharsets.UTF_8);
          sent.add(producer.send(new ProducerRecord<>(topic, s, key, value)));
        }
      }
      for (var future : sent) {
        RecordMetadata m = future.get();
        ids.add(
            dev.logrca.core.model.LogRecord.eventIdOf(m.topic() + "/" + m.partition(), m.offset()));
      }
    }
    return ids;
  }

  /**
   * Caps every consumer of this broker at {@code bytesPerSecond} (a default client-id quota, as an
   * operator would set one). The job then reads at a pace the test knows on an idle machine too:
   * uncapped, the 12,000 records are read before the first checkpoint and there is nothing left to
   * kill the TaskManager in the middle of.
   */
  void throttleConsumers(long bytesPerSecond) throws Exception {
    Properties admin = new Properties();
    admin.put("bootstrap.servers", bootstrapServers());
    try (Admin client = Admin.create(admin)) {
      ClientQuotaEntity everyClient =
          new ClientQuotaEntity(Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));
      client
          .alterClientQuotas(
              List.of(
                  new ClientQuotaAlteration(
                      everyClient,
                      List.of(
                          new ClientQuotaAlteration.Op(
                              "consumer_byte_rate", (double) bytesPerSecond)))))
          .all()
          .get();
    }
  }

  @Override
  public void close() throws Exception {
    kafka.close();
  }
}
