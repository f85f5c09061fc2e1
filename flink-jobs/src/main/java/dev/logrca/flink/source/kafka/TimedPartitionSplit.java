package dev.logrca.flink.source.kafka;

import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;

/**
 * A Kafka partition's split as a reader checkpoints it: where to resume reading and the event time
 * of the last line read before that point, which the partition's next lines without a time of their
 * own (a stack trace's frames, sent one record per line) inherit. Without it a restored reader
 * would date those lines by the records' Kafka timestamps, the shipper's clock, and a restore in
 * the middle of a stack trace would move its frames to another time than the uninterrupted run.
 * Equality stays the position's, as for any split of the partition.
 */
public final class TimedPartitionSplit extends KafkaPartitionSplit {
  private final long lastTimestamp;

  /** {@code split}'s position, with the time of the line read last before it. */
  public TimedPartitionSplit(KafkaPartitionSplit split, long lastTimestamp) {
    super(
        split.getTopicPartition(),
        split.getStartingOffset(),
        split.getStoppingOffset().orElse(NO_STOPPING_OFFSET));
    this.lastTimestamp = lastTimestamp;
  }

  /** Epoch milliseconds of the last line read before {@link #getStartingOffset()}. */
  public long lastTimestamp() {
    return lastTimestamp;
  }

  @Override
  public String toString() {
    return super.toString() + " after a line at " + lastTimestamp;
  }
}
