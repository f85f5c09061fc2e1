package dev.logrca.flink.source.kafka;

import dev.logrca.core.model.LogRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * The Kafka connector's reader, with each partition's last line time kept beside its offset: a
 * checkpoint's splits carry the time ({@link TimedPartitionSplit}), and a restored split hands it
 * back to the decoder before the connector reads on. The offsets, their commit on completed
 * checkpoints and the fetching stay the connector's.
 */
final class TimedPartitionReader implements SourceReader<LogRecord, KafkaPartitionSplit> {
  private final SourceReader<LogRecord, KafkaPartitionSplit> connector;
  private final KafkaLineDecoder decoder;

  /**
   * @param connector the connector's reader
   * @param decoder the record decoder {@code connector} decodes with
   */
  TimedPartitionReader(
      SourceReader<LogRecord, KafkaPartitionSplit> connector, KafkaLineDecoder decoder) {
    this.connector = connector;
    this.decoder = decoder;
  }

  @Override
  public void addSplits(List<KafkaPartitionSplit> splits) {
    for (KafkaPartitionSplit split : splits) {
      if (split instanceof TimedPartitionSplit timed) {
        decoder.resume(sourceOf(split), timed.lastTimestamp());
      }
    }
    connector.addSplits(splits);
  }

  /**
   * The connector's splits with their partitions' last line times. The decoder runs in this (the
   * task's) thread as the connector emits each record and advances its offset, so the time and the
   * offset describe the same point of the partition.
   */
  @Override
  public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> splits = connector.snapshotState(checkpointId);
    List<KafkaPartitionSplit> timed = new ArrayList<>(splits.size());
    for (KafkaPartitionSplit split : splits) {
      OptionalLong last = decoder.lastTimestamp(sourceOf(split));
      timed.add(last.isPresent() ? new TimedPartitionSplit(split, last.getAsLong()) : split);
    }
    return timed;
  }

  private static String sourceOf(KafkaPartitionSplit split) {
    return KafkaLineDecoder.sourceOf(split.getTopic(), split.getPartition());
  }

  @Override
  public void start() {
    connector.start();
  }

  @Override
  public InputStatus pollNext(ReaderOutput<LogRecord> output) throws Exception {
    return connector.pollNext(output);
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return connector.isAvailable();
  }

  @Override
  public void notifyNoMoreSplits() {
    connector.notifyNoMoreSplits();
  }

  @Override
  public void handleSourceEvents(SourceEvent event) {
    connector.handleSourceEvents(event);
  }

  @Override
  public void pauseOrResumeSplits(
      Collection<String> splitsToPause, Collection<String> splitsToResume) {
    connector.pauseOrResumeSplits(splitsToPause, splitsToResume);
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) throws Exception {
    connector.notifyCheckpointComplete(checkpointId);
  }

  @Override
  public void notifyCheckpointAborted(long checkpointId) throws Exception {
    connector.notifyCheckpointAborted(checkpointId);
  }

  @Override
  public void close() throws Exception {
    connector.close();
  }
}
