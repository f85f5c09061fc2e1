package dev.logrca.flink.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The example shipper configurations in {@code docker/}: each parses, sends JSON to the topic the
 * job reads, and the records it would produce from a Kubernetes container's line decode to the
 * container's service, level, message and time.
 */
class ShipperConfigsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path DOCKER = Path.of("..", "docker");

  @Test
  void vectorSendsKubernetesLinesAsJsonToTheTopic() throws Exception {
    JsonNode sink =
        YAML.readTree(DOCKER.resolve("vector.yaml").toFile()).path("sinks").path("logrca");
    assertThat(sink.path("type").asText()).isEqualTo("kafka");
    assertThat(sink.path("topic").asText()).isEqualTo("logs");
    assertThat(sink.path("encoding").path("codec").asText()).isEqualTo("json");
    assertThat(sink.path("inputs").get(0).asText()).isEqualTo("containers");

    // the event Vector's kubernetes_logs source makes of one container line, as its json codec
    // writes it
    String event =
        "{\"file\":\"/var/log/pods/shop_ts-order-service-5d9f8b7c6-x2x9q_1/order/0.log\","
            + "\"kubernetes\":{\"container_name\":\"order\",\"namespace_labels\":{},"
            + "\"pod_labels\":{\"app\":\"ts-order-service\",\"pod-template-hash\":\"5d9f8b7c6\"},"
            + "\"pod_name\":\"ts-order-service-5d9f8b7c6-x2x9q\",\"pod_namespace\":\"shop\","
            + "\"pod_node_name\":\"node-2\"},"
            + "\"message\":\"2026-11-27 10:05:00.120 ERROR o.s.OrderService - db refused\","
            + "\"source_type\":\"kubernetes_logs\",\"stream\":\"stdout\","
            + "\"timestamp\":\"2026-11-27T10:05:00.123456789Z\"}";
    LogRecord r = decode(event, "order");
    assertThat(r.service()).isEqualTo("ts-order-service");
    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.message()).contains("db refused");
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:05:00.123Z").toEpochMilli());
    assertThat(r.decodeError()).isNull();
  }

  @Test
  void fluentBitSendsKubernetesLinesAsJsonToTheTopic() throws Exception {
    JsonNode pipeline = YAML.readTree(DOCKER.resolve("fluent-bit.yaml").toFile()).path("pipeline");
    JsonNode output = pipeline.path("outputs").get(0);
    assertThat(output.path("name").asText()).isEqualTo("kafka");
    assertThat(output.path("topics").asText()).isEqualTo("logs");
    assertThat(output.path("format").asText()).isEqualTo("json");
    assertThat(output.path("timestamp_key").asText()).isEqualTo("@timestamp");
    assertThat(pipeline.path("filters").get(0).path("name").asText()).isEqualTo("kubernetes");

    // the record the kubernetes filter and the kafka output make of one container line
    String record =
        "{\"@timestamp\":\"2026-11-27T10:05:01.500000Z\",\"time\":\"2026-11-27T10:05:01.5Z\","
            + "\"stream\":\"stderr\",\"_p\":\"F\","
            + "\"log\":\"WARN  [pool-2] c.p.Payment: retrying charge 7\","
            + "\"kubernetes\":{\"pod_name\":\"payment-7c9d-abcde\",\"namespace_name\":\"shop\","
            + "\"labels\":{\"app\":\"payment\"},\"host\":\"node-1\","
            + "\"container_name\":\"app\",\"docker_id\":\"4f1c\"}}";
    LogRecord r = decode(record, null);
    assertThat(r.service()).isEqualTo("payment");
    assertThat(r.level()).isEqualTo(Level.WARN);
    assertThat(r.message()).contains("retrying charge 7");
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:05:01.500Z").toEpochMilli());
    assertThat(r.decodeError()).isNull();
  }

  private static LogRecord decode(String value, String key) throws Exception {
    List<LogRecord> out = new ArrayList<>();
    new KafkaLineDecoder()
        .deserialize(
            new ConsumerRecord<>(
                "logs",
                0,
                0,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8)),
            new Collector<>() {
              @Override
              public void collect(LogRecord r) {
                out.add(r);
              }

              @Override
              public void close() {}
            });
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
