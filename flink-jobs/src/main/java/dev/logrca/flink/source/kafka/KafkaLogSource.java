package dev.logrca.flink.source.kafka;

import dev.logrca.core.model.LogRecord;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.lineage.LineageVertex;
import org.apache.flink.streaming.api.lineage.LineageVertexProvider;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The job's Kafka source, as {@link KafkaSettings} describe it: the connector's {@link KafkaSource}
 * (records decoded by {@link KafkaLineDecoder}, a new group starting at the earliest offsets, a
 * known group where it committed, offsets committed to the group on each completed checkpoint: the
 * checkpoint, not the group, is what a restore resumes from), whose readers also checkpoint each
 * partition's last line time ({@link TimedPartitionReader}), so that lines without a time of their
 * own are dated alike with or without a restore in between.
 */
public final class KafkaLogSource
    implements Source<LogRecord, KafkaPartitionSplit, KafkaSourceEnumState>,
        ResultTypeQueryable<LogRecord>,
        LineageVertexProvider {
  private static final long serialVersionUID = 1L;

  private final KafkaSettings settings;

  /** The connector's source, for the enumerator and what describes the source as a whole. */
  private final KafkaSource<LogRecord> connector;

  private KafkaLogSource(KafkaSettings settings) {
    this.settings = settings;
    this.connector = connectorSource(settings, new KafkaLineDecoder());
  }

  /** The source that {@code settings} describe. */
  public static KafkaLogSource of(KafkaSettings settings) {
    return new KafkaLogSource(settings);
  }

  private static KafkaSource<LogRecord> connectorSource(
      KafkaSettings settings, KafkaLineDecoder decoder) {
    Properties properties = new Properties();
    properties.putAll(settings.clientProperties());
    KafkaSourceBuilder<LogRecord> builder =
        KafkaSource.<LogRecord>builder()
            .setBootstrapServers(settings.bootstrapServers())
            .setGroupId(settings.groupId())
            .setProperties(properties)
            .setProperty("commit.offsets.on.checkpoint", "true")
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setDeserializer(decoder);
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

  /**
   * A reader of the connector's, built with a decoder of its own that this reader's wrapper can ask
   * for and give each partition's last line time.
   */
  @Override
  public SourceReader<LogRecord, KafkaPartitionSplit> createReader(SourceReaderContext context)
      throws Exception {
    KafkaLineDecoder decoder = new KafkaLineDecoder();
    return new TimedPartitionReader(
        connectorSource(settings, decoder).createReader(context), decoder);
  }

  @Override
  public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
    return new TimedPartitionSplitSerializer();
  }

  @Override
  public Boundedness getBoundedness() {
    return connector.getBoundedness();
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context) {
    return connector.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState checkpoint)
      throws Exception {
    return connector.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
    return connector.getEnumeratorCheckpointSerializer();
  }

  @Override
  public TypeInformation<LogRecord> getProducedType() {
    return connector.getProducedType();
  }

  @Override
  public LineageVertex getLineageVertex() {
    return connector.getLineageVertex();
  }
}
