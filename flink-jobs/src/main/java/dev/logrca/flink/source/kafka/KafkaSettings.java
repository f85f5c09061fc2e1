package dev.logrca.flink.source.kafka;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the job reads its lines from Kafka and how.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param topics the topics to read, or empty when {@code topicPattern} is given
 * @param topicPattern a regular expression of topic names (new matching topics are found while the
 *     job runs), or null
 * @param groupId the consumer group; offsets are committed to it on each completed checkpoint
 * @param clientProperties passed through to the Kafka consumer (security settings, say)
 * @param untilLatest stop at the offsets that are the latest when the job starts (a bounded
 *     backfill) instead of reading for ever
 * @param idleness how long a partition may stay quiet before event time moves on without it
 */
public record KafkaSettings(
    String bootstrapServers,
    List<String> topics,
    String topicPattern,
    String groupId,
    Map<String, String> clientProperties,
    boolean untilLatest,
    Duration idleness)
    implements Serializable {

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(idleness, "idleness");
    topics = List.copyOf(topics);
    clientProperties = new TreeMap<>(clientProperties);
    if (topics.isEmpty() == (topicPattern == null)) {
      throw new IllegalArgumentException("give topics or a topic pattern, not both or neither");
    }
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must not be empty");
    }
    if (idleness.isNegative() || idleness.isZero()) {
      throw new IllegalArgumentException("idleness must be positive");
    }
  }

  /** Reads {@code topics} for ever in the {@code logrca} group, a partition idle after 10 s. */
  public static KafkaSettings of(String bootstrapServers, List<String> topics) {
    return new KafkaSettings(
        bootstrapServers, topics, null, "logrca", Map.of(), false, Duration.ofSeconds(10));
  }
}
