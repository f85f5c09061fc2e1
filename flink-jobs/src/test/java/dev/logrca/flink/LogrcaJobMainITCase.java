package dev.logrca.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.LogRecord;
import dev.logrca.index.IndexFields;
import dev.logrca.testing.LoopbackBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar's main on a MiniCluster, as {@code flink run} would call it: over files, and over a
 * real Kafka broker in this JVM with shipper JSON, plain lines, an OTLP request, broken and
 * oversized records. The event index must hold exactly the produced lines, by id.
 */
class LogrcaJobMainITCase {
  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = TestMiniCluster.withSlots(2, configuration());

  private static LoopbackBroker kafka;

  private static Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CoreOptions.TMP_DIRS, Path.of("target", "flink-tmp").toAbsolutePath().toString());
    // a failing job fails the test instead of restarting for ever
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    return conf;
  }

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = LoopbackBroker.start(Path.of("target", "kafka-it"));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void readsFilesAndFoldersIntoTheIndex(@TempDir Path temp) throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    List<String> payment = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      payment.add(START.plusMillis(i * 250L) + " INFO payment accepted order " + i);
    }
    Files.write(logs.resolve("payment.log"), payment);
    Files.write(
        temp.resolve("ledger.log"),
        List.of(START + " ERROR ledger cannot reach db", START.plusSeconds(1) + " INFO retry"));
    Path data = temp.resolve("data");

    LogrcaJobMain.main(
        new String[] {
          "--data",
          data.toString(),
          "--checkpoint-interval",
          "1",
          logs.toString(),
          temp.resolve("ledger.log").toString()
        });

    Map<String, Document> events = IndexedEvents.read(data);
    assertThat(events).hasSize(122);
    assertThat(events.values())
        .extracting(d -> d.get(IndexFields.SERVICE))
        .containsOnly("payment", "ledger");
  }

  @Test
  void readsEveryKindOfRecordFromKafkaExactlyOnce(@TempDir Path temp) throws Exception {
    kafka.createTopics(new NewTopic("logs", 2, (short) 1), new NewTopic("otlp", 1, (short) 1));
    Set<String> expected = new HashSet<>();
    // room for the oversized record
    try (KafkaProducer<byte[], byte[]> producer =
        kafka.producer(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1 << 20))) {
      for (int i = 0; i < 300; i++) {
        String service = "svc-" + (i % 3);
        String line =
            "{\"timestamp\":\""
                + START.plusMillis(i * 100L)
                + "\",\"level\":\"info\","
                + "\"message\":\"request "
                + i
                + " served\",\"service\":\""
                + service
                + "\"}";
        expected.add(id(send(producer, "logs", i % 2, null, line)));
      }
      for (int i = 0; i < 40; i++) {
        String line = START.plusMillis(i * 500L) + " WARN pool at " + i + "%";
        expected.add(id(send(producer, "logs", i % 2, "payment", line)));
      }
      expected.add(id(send(producer, "logs", 0, null, "{\"message\": \"cut off")));
      expected.add(id(send(producer, "logs", 1, null, "{not json at all}")));
      expected.add(
          id(producer.send(record("logs", 0, null, new byte[] {'x', (byte) 0xC3, '('})).get()));
      expected.add(id(send(producer, "logs", 1, "big", "ERROR " + "y".repeat(100_000))));
      RecordMetadata otlp = send(producer, "otlp", 0, null, otlpRequest(3));
      for (int i = 0; i < 3; i++) {
        expected.add(LogRecord.eventIdOf("otlp/0@" + otlp.offset(), i));
      }
    }
    Path data = temp.resolve("data");

    LogrcaJobMain.main(
        new String[] {
          "--kafka",
          kafka.bootstrapServers(),
          "--topic",
          "logs",
          "--topic",
          "otlp",
          "--until-latest",
          "--parallelism",
          "2",
          "--checkpoint-interval",
          "1",
          "--group",
          "it-" + temp.getFileName(),
          "--kafka-property",
          "client.id=logrca-it",
          "--data",
          data.toString()
        });

    Map<String, Document> events = IndexedEvents.read(data);
    assertThat(events.keySet()).hasSize(expected.size()).isEqualTo(expected);
    assertThat(events.values()).filteredOn(d -> d.get(IndexFields.DECODE_ERROR) != null).hasSize(3);
    assertThat(events.values())
        .filteredOn(d -> "true".equals(d.get(IndexFields.ATTRIBUTE_PREFIX + "truncated")))
        .singleElement()
        .satisfies(d -> assertThat(d.get(IndexFields.SERVICE)).isEqualTo("big"));
    assertThat(events.values())
        .extracting(d -> d.get(IndexFields.SERVICE))
        .contains("svc-0", "svc-1", "svc-2", "payment", "cart", "logs");
  }

  @Test
  void aWrongArgumentNamesItself() {
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--parallelism", "zero", "x.log"}))
        .hasMessageContaining("--parallelism wants a positive whole number, not 'zero'");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--topic", "logs"}))
        .hasMessageContaining("--topic and Kafka properties need --kafka");
    assertThatThrownBy(() -> JobArguments.parse(new String[] {"--kafka", "h:1", "--topic"}))
        .hasMessageContaining("--topic needs a value");
  }

  private static String otlpRequest(int records) {
    StringBuilder logRecords = new StringBuilder();
    for (int i = 0; i < records; i++) {
      long nanos = START.plusSeconds(i).toEpochMilli() * 1_000_000L;
      logRecords
          .append(i == 0 ? "" : ",")
          .append("{\"timeUnixNano\":\"")
          .append(nanos)
          .append("\",\"severityNumber\":17,\"body\":{\"stringValue\":\"redis timeout ")
          .append(i)
          .append("\"}}");
    }
    return "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
        + "\"value\":{\"stringValue\":\"cart\"}}]},\"scopeLogs\":[{\"logRecords\":["
        + logRecords
        + "]}]}]}";
  }

  private static String id(RecordMetadata sent) {
    return LogRecord.eventIdOf(sent.topic() + "/" + sent.partition(), sent.offset());
  }

  private static RecordMetadata send(
      KafkaProducer<byte[], byte[]> producer, String topic, int partition, String key, String line)
      throws Exception {
    return producer
        .send(record(topic, partition, key, line.getBytes(StandardCharsets.UTF_8)))
        .get();
  }

  private static ProducerRecord<byte[], byte[]> record(
      String topic, int partition, String key, byte[] value) {
    return new ProducerRecord<>(
        topic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
  }
}
