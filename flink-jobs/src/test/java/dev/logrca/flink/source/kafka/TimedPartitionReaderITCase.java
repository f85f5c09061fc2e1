package dev.logrca.flink.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.source.CapturingReaderOutput;
import dev.logrca.flink.source.TestReaderContext;
import dev.logrca.testing.LoopbackBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job's Kafka readers against a real broker: a reader checkpointed in the middle of a stack
 * trace whose frames were sent one record per line (as a shipper without a multiline rule sends
 * them), restored into a new reader, must date the frames after the checkpoint as a reader that was
 * never interrupted does, by the line before them, not by the records' Kafka time.
 */
class TimedPartitionReaderITCase {
  private static final List<String> LINES =
      List.of(
          "2026-11-27T10:00:00.000Z INFO  c.e.Cart - cart opened",
          "2026-11-27T10:00:01.250Z ERROR c.e.Cart - add failed",
          "java.lang.IllegalStateException: no stock for sku 42",
          "\tat com.example.Cart.add(Cart.java:7)",
          "\tat com.example.Api.post(Api.java:31)",
          "2026-11-27T10:00:03.000Z INFO  c.e.Cart - cart closed");

  private static LoopbackBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    Files.createDirectories(Path.of("target"));
    broker =
        LoopbackBroker.start(
            Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kafka-timed-it"));
    broker.shipByPartition("checkout-logs", List.of("checkout"), List.of(LINES));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    broker.close();
  }

  @Test
  void aRestoreInsideAStackTraceDatesItsFramesAsAnUninterruptedRead() throws Exception {
    KafkaLogSource source =
        KafkaLogSource.of(
            new KafkaSettings(
                broker.bootstrapServers(),
                List.of("checkout-logs"),
                null,
                "timed-it",
                Map.of(),
                true,
                Duration.ofSeconds(10)));
    List<KafkaPartitionSplit> whole =
        List.of(new KafkaPartitionSplit(new TopicPartition("checkout-logs", 0), 0, LINES.size()));

    List<LogRecord> uninterrupted = new ArrayList<>();
    read(source, whole, Integer.MAX_VALUE, uninterrupted);

    // up to the exception's first line, then a checkpoint, through the split serializer as Flink
    // stores it, into a new reader
    List<LogRecord> interrupted = new ArrayList<>();
    List<KafkaPartitionSplit> checkpoint = read(source, whole, 3, interrupted);
    assertThat(interrupted).hasSize(3);
    assertThat(checkpoint).singleElement().isInstanceOf(TimedPartitionSplit.class);
    read(source, throughSerializer(source, checkpoint), Integer.MAX_VALUE, interrupted);

    long failed = Instant.parse("2026-11-27T10:00:01.250Z").toEpochMilli();
    assertThat(uninterrupted).hasSize(LINES.size());
    assertThat(uninterrupted.get(3).timestamp())
        .as("a frame, read without a break")
        .isEqualTo(failed);
    assertThat(interrupted)
        .extracting(LogRecord::eventId, LogRecord::timestamp, LogRecord::raw)
        .as("ids, times and lines with a restore before the frames")
        .containsExactlyElementsOf(
            uninterrupted.stream()
                .map(r -> org.assertj.core.groups.Tuple.tuple(r.eventId(), r.timestamp(), r.raw()))
                .toList());
  }

  /**
   * Reads {@code splits} with a new reader until {@code limit} records in all are in {@code out} or
   * the splits end, then returns the reader's checkpoint of them.
   */
  private static List<KafkaPartitionSplit> read(
      KafkaLogSource source, List<KafkaPartitionSplit> splits, int limit, List<LogRecord> out)
      throws Exception {
    try (SourceReader<LogRecord, KafkaPartitionSplit> reader =
        source.createReader(new TestReaderContext())) {
      reader.start();
      reader.addSplits(splits);
      reader.notifyNoMoreSplits();
      CapturingReaderOutput<LogRecord> output = new CapturingReaderOutput<>();
      InputStatus status = InputStatus.MORE_AVAILABLE;
      while (out.size() + output.records.size() < limit && status != InputStatus.END_OF_INPUT) {
        status = reader.pollNext(output);
        if (status == InputStatus.NOTHING_AVAILABLE) {
          reader.isAvailable().get(60, TimeUnit.SECONDS);
        }
      }
      out.addAll(output.records);
      return reader.snapshotState(1);
    }
  }

  private static List<KafkaPartitionSplit> throughSerializer(
      KafkaLogSource source, List<KafkaPartitionSplit> splits) throws Exception {
    SimpleVersionedSerializer<KafkaPartitionSplit> serializer = source.getSplitSerializer();
    List<KafkaPartitionSplit> read = new ArrayList<>();
    for (KafkaPartitionSplit split : splits) {
      read.add(serializer.deserialize(serializer.getVersion(), serializer.serialize(split)));
    }
    return read;
  }
}
