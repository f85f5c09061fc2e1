package dev.logrca.flink.source.kafka;

import dev.logrca.core.model.LogRecord;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Builds the Kafka source of the job from {@link KafkaSettings}: records decoded by {@link
 * KafkaLineDecoder}, a new group starting at the earliest offsets, a known group where it
 * committed, offsets committed to the group on each completed checkpoint (the checkpoint, not the
 * group, is what a restore resumes from).
 */
public final class KafkaLogSource {
  private KafkaLogSource() {}

  /** The source that {@code settings} describe. */
  public static KafkaSource<LogRecord> of(KafkaSettings settings) {
    Properties properties = new Properties();
    properties.putAll(settings.clientProperties());
    KafkaSourceBuilder<LogRecord> builder =
        KafkaSource.<LogRecord>builder()
            .setBootstrapServers(settings.bootstrapServers())
            .setGroupId(settings.groupId())
            .setProperties(properties)
            .setProperty("commit.offsets.on.checkpoint", "true")
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(new KafkaLineDecoder());
    if (settings.topicPattern() != null) {
      builder
          .setTopicPattern(Pattern.compile(settings.topicPattern()))
          // new topics that match are picked up while the job runs
          .setProperty("partition.discovery.interval.ms", "30000");
    } else {
      builder.setTopics(settings.topics());
    }
    if (settings.untilLatest()) {
      builder.setBounded(OffsetsInitializer.latest());
    }
    return builder.build();
  }
}
