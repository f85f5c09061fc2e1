package dev.logrca.flink.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplitSerializer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TimedPartitionSplitSerializerTest {
  private final TimedPartitionSplitSerializer serializer = new TimedPartitionSplitSerializer();

  @Test
  void aTimedSplitKeepsItsPositionStopAndTime() throws Exception {
    KafkaPartitionSplit position = new KafkaPartitionSplit(new TopicPartition("logs", 3), 41, 900);
    KafkaPartitionSplit read = roundTrip(new TimedPartitionSplit(position, 1_795_773_601_250L));

    assertThat(read).isInstanceOf(TimedPartitionSplit.class);
    assertThat(((TimedPartitionSplit) read).lastTimestamp()).isEqualTo(1_795_773_601_250L);
    assertThat(read.getTopicPartition()).isEqualTo(new TopicPartition("logs", 3));
    assertThat(read.getStartingOffset()).isEqualTo(41);
    assertThat(read.getStoppingOffset()).hasValue(900L);
  }

  @Test
  void aSplitNotReadYetHasNoTimeAndNoStop() throws Exception {
    KafkaPartitionSplit read =
        roundTrip(
            new KafkaPartitionSplit(
                new TopicPartition("logs", 0), KafkaPartitionSplit.EARLIEST_OFFSET));

    assertThat(read).isNotInstanceOf(TimedPartitionSplit.class);
    assertThat(read.getStartingOffset()).isEqualTo(KafkaPartitionSplit.EARLIEST_OFFSET);
    assertThat(read.getStoppingOffset()).isEmpty();
  }

  @Test
  void theConnectorsOwnFormatOfEarlierSavepointsStillReads() throws Exception {
    KafkaPartitionSplitSerializer connector = new KafkaPartitionSplitSerializer();
    KafkaPartitionSplit written = new KafkaPartitionSplit(new TopicPartition("logs", 1), 17, 60);

    KafkaPartitionSplit read =
        serializer.deserialize(connector.getVersion(), connector.serialize(written));

    assertThat(read).isNotInstanceOf(TimedPartitionSplit.class);
    assertThat(read.getTopicPartition()).isEqualTo(new TopicPartition("logs", 1));
    assertThat(read.getStartingOffset()).isEqualTo(17);
    assertThat(read.getStoppingOffset()).hasValue(60L);
  }

  @Test
  void aNewerFormatIsRefusedWithWhatThisReleaseReads() {
    assertThatThrownBy(
            () -> serializer.deserialize(TimedPartitionSplitSerializer.VERSION + 1, new byte[8]))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 2")
        .hasMessageContaining("reads format 1");
  }

  private KafkaPartitionSplit roundTrip(KafkaPartitionSplit split) throws IOException {
    return serializer.deserialize(serializer.getVersion(), serializer.serialize(split));
  }
}
