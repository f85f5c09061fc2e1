package dev.logrca.flink.source.kafka;

import java.io.IOException;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplitSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Writes a partition's split as the Kafka connector does, followed by the time of the last line
 * read ({@link TimedPartitionSplit}) when there is one. Splits in the connector's own format, which
 * savepoints of the releases before this one hold, still read: their partitions resume without a
 * time, as every partition did then.
 */
public final class TimedPartitionSplitSerializer
    implements SimpleVersionedSerializer<KafkaPartitionSplit> {
  /**
   * Our versions start above any the connector's serializer may take (it is at 0), so that the
   * version alone tells a split of ours from one of the connector's.
   */
  static final int FIRST_OWN_VERSION = 1000;

  /** Format 1: the connector's version and bytes, then whether a time follows, then the time. */
  static final int VERSION = FIRST_OWN_VERSION + 1;

  private final KafkaPartitionSplitSerializer connector = new KafkaPartitionSplitSerializer();

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(KafkaPartitionSplit split) throws IOException {
    byte[] position = connector.serialize(split);
    DataOutputSerializer out = new DataOutputSerializer(position.length + 32);
    out.writeInt(connector.getVersion());
    out.writeInt(position.length);
    out.write(position);
    boolean timed = split instanceof TimedPartitionSplit;
    out.writeBoolean(timed);
    if (timed) {
      out.writeLong(((TimedPartitionSplit) split).lastTimestamp());
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public KafkaPartitionSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version < FIRST_OWN_VERSION) {
      return connector.deserialize(version, serialized);
    }
    if (version != VERSION) {
      throw new IOException(
          "Kafka split state of format "
              + (version - FIRST_OWN_VERSION)
              + " was written by a newer release; this one reads format "
              + (VERSION - FIRST_OWN_VERSION)
              + " and the connector's own");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    int connectorVersion = in.readInt();
    byte[] position = new byte[in.readInt()];
    in.readFully(position);
    KafkaPartitionSplit split = connector.deserialize(connectorVersion, position);
    return in.readBoolean() ? new TimedPartitionSplit(split, in.readLong()) : split;
  }
}
