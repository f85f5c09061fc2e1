package dev.logrca.flink.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaLineDecoderTest {
  private static final long KAFKA_TIME = Instant.parse("2026-11-27T10:00:00Z").toEpochMilli();

  private final KafkaLineDecoder decoder = new KafkaLineDecoder();

  @Test
  void vectorKubernetesLineNamesItsService() throws Exception {
    String line =
        "{\"timestamp\":\"2026-11-27T10:05:00.123Z\",\"message\":\"connection refused to db\","
            + "\"level\":\"error\",\"kubernetes\":{\"pod_name\":\"ts-order-service-5d9f8b7c6-x2x9q\","
            + "\"container_name\":\"order\"}}";
    LogRecord r = single(record("logs", 0, 41, null, line));
    assertThat(r.service()).isEqualTo("order");
    assertThat(r.level()).isEqualTo(Level.ERROR);
    assertThat(r.message()).isEqualTo("connection refused to db");
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-27T10:05:00.123Z").toEpochMilli());
    assertThat(r.source()).isEqualTo("logs/0");
    assertThat(r.line()).isEqualTo(41);
    assertThat(r.eventId()).isEqualTo(LogRecord.eventIdOf("logs/0", 41));
    assertThat(r.decodeError()).isNull();
  }

  @Test
  void aPlainLineTakesItsServiceFromHeaderThenKeyThenTopic() throws Exception {
    String line = "2026-11-27 10:05:00,001 WARN pool exhausted";
    ConsumerRecord<byte[], byte[]> withHeader = record("logs", 1, 7, "payment", line);
    withHeader
        .headers()
        .add(new RecordHeader("service", "ledger".getBytes(StandardCharsets.UTF_8)));
    assertThat(single(withHeader).service()).isEqualTo("ledger");
    assertThat(single(record("logs", 1, 8, "payment", line)).service()).isEqualTo("payment");
    LogRecord plain = single(record("checkout-logs", 1, 9, null, line));
    assertThat(plain.service()).isEqualTo("checkout-logs");
    assertThat(plain.level()).isEqualTo(Level.WARN);
    assertThat(plain.decodeError()).isNull();
  }

  @Test
  void otlpRequestIsUnpackedRecordByRecord() throws Exception {
    String request =
        "{\"resourceLogs\":[{\"resource\":{\"attributes\":["
            + "{\"key\":\"service.name\",\"value\":{\"stringValue\":\"cart\"}},"
            + "{\"key\":\"host.name\",\"value\":{\"stringValue\":\"node-3\"}}]},"
            + "\"scopeLogs\":[{\"scope\":{\"name\":\"cart.api\"},\"logRecords\":["
            + "{\"timeUnixNano\":\"1795773900000000000\",\"severityNumber\":17,"
            + "\"body\":{\"stringValue\":\"redis timeout after 2000 ms\"},"
            + "\"traceId\":\"5b8efff798038103d269b633813fc60c\","
            + "\"attributes\":[{\"key\":\"attempt\",\"value\":{\"intValue\":\"3\"}}]},"
            + "{\"timeUnixNano\":\"1795773901000000000\",\"severityText\":\"INFO\","
            + "\"body\":{\"stringValue\":\"retrying\"}}]}]}]}";
    List<LogRecord> records = decode(record("otlp", 2, 100, null, request));
    assertThat(records).hasSize(2);
    LogRecord first = records.get(0);
    assertThat(first.service()).isEqualTo("cart");
    assertThat(first.host()).isEqualTo("node-3");
    assertThat(first.level()).isEqualTo(Level.ERROR);
    assertThat(first.message()).isEqualTo("redis timeout after 2000 ms");
    assertThat(first.traceId()).isEqualTo("5b8efff798038103d269b633813fc60c");
    assertThat(first.attributes()).containsEntry("attempt", "3");
    assertThat(first.timestamp()).isEqualTo(1795773900000L);
    assertThat(records.get(1).level()).isEqualTo(Level.INFO);
    assertThat(records.get(1).timestamp()).isEqualTo(1795773901000L);
    assertThat(records).extracting(LogRecord::eventId).doesNotHaveDuplicates();
    assertThat(records).extracting(LogRecord::line).containsOnly(100L);
  }

  @Test
  void brokenJsonIsKeptRawWithItsReason() throws Exception {
    LogRecord r = single(record("logs", 0, 5, null, "{\"message\": \"cut off"));
    assertThat(r.decodeError()).isNotNull();
    assertThat(r.raw()).isEqualTo("{\"message\": \"cut off");
    assertThat(r.service()).isEqualTo("logs");
  }

  @Test
  void invalidUtf8IsKeptAndFlagged() throws Exception {
    byte[] bytes = {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, ' ', 'x'};
    LogRecord r = single(new ConsumerRecord<>("logs", 0, 6, null, bytes));
    assertThat(r.attributes()).containsEntry("invalidUtf8", "true");
    assertThat(r.decodeError()).isNotNull();
  }

  @Test
  void anOversizedRecordIsTruncatedAndFlagged() throws Exception {
    String big = "ERROR " + "é".repeat(KafkaLineDecoder.MAX_RECORD_BYTES);
    LogRecord r = single(record("logs", 0, 9, null, big));
    assertThat(r.attributes())
        .containsEntry("truncated", "true")
        .containsEntry(
            "originalLength", Integer.toString(big.getBytes(StandardCharsets.UTF_8).length));
    // a cut through the middle of a two-byte character is not invalid UTF-8
    assertThat(r.attributes()).doesNotContainKey("invalidUtf8");
    assertThat(r.raw().length()).isLessThanOrEqualTo(KafkaLineDecoder.MAX_RECORD_BYTES);
  }

  @Test
  void aTombstoneIsNoLine() throws Exception {
    assertThat(decode(new ConsumerRecord<>("logs", 0, 1, "k".getBytes(), (byte[]) null))).isEmpty();
  }

  @Test
  void aLineWithoutTimeTakesTheFirstRecordsKafkaTime() throws Exception {
    LogRecord r = single(record("logs", 3, 0, null, "plain words only"));
    assertThat(r.timestamp()).isEqualTo(KAFKA_TIME);
    assertThat(r.timestampInferred()).isTrue();
  }

  @Test
  void aResumedPartitionDatesItsFirstTimelessLineByTheLineBeforeTheCheckpoint() throws Exception {
    long before = Instant.parse("2026-11-27T10:00:01.250Z").toEpochMilli();
    decoder.resume("logs/3", before);
    LogRecord frame = single(record("logs", 3, 41, null, "\tat com.example.Cart.add(Cart.java:7)"));
    assertThat(frame.timestamp()).as("not the record's Kafka time").isEqualTo(before);
    assertThat(decoder.lastTimestamp("logs/3")).hasValue(before);
    // another partition knows nothing of it
    assertThat(single(record("logs", 4, 0, null, "plain words only")).timestamp())
        .isEqualTo(KAFKA_TIME);
  }

  @Test
  void theLastTimestampFollowsTheDecodedLines() throws Exception {
    assertThat(decoder.lastTimestamp("logs/0")).isEmpty();
    single(record("logs", 0, 0, null, "2026-11-27T10:00:02.000Z ERROR c.e.Cart - add failed"));
    single(record("logs", 0, 1, null, "\tat com.example.Cart.add(Cart.java:7)"));
    assertThat(decoder.lastTimestamp("logs/0"))
        .hasValue(Instant.parse("2026-11-27T10:00:02Z").toEpochMilli());
  }

  @Test
  void severityNumbersHaveTheirNames() {
    assertThat(OtlpLogs.severityName(1)).isEqualTo("TRACE");
    assertThat(OtlpLogs.severityName(9)).isEqualTo("INFO");
    assertThat(OtlpLogs.severityName(13)).isEqualTo("WARN");
    assertThat(OtlpLogs.severityName(24)).isEqualTo("FATAL");
    assertThat(OtlpLogs.severityName(0)).isEmpty();
  }

  private LogRecord single(ConsumerRecord<byte[], byte[]> record) throws Exception {
    List<LogRecord> out = decode(record);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private List<LogRecord> decode(ConsumerRecord<byte[], byte[]> record) throws Exception {
    List<LogRecord> out = new ArrayList<>();
    decoder.deserialize(
        record,
        new Collector<>() {
          @Override
          public void collect(LogRecord r) {
            out.add(r);
          }

          @Override
          public void close() {}
        });
    return out;
  }

  private static ConsumerRecord<byte[], byte[]> record(
      String topic, int partition, long offset, String key, String value) {
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        KAFKA_TIME,
        TimestampType.CREATE_TIME,
        -1,
        -1,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8),
        new RecordHeaders(),
        java.util.Optional.empty());
  }
}
