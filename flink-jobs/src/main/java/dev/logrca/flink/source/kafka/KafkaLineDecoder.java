package dev.logrca.flink.source.kafka;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.LineFlags;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogRecord;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns each Kafka record into log records: a shipper's JSON line or a plain text line becomes one,
 * an OTLP/JSON logs request one per log record. The line names its service; failing that a {@code
 * service} header, then the record's key, then the topic. A record that cannot be decoded is kept
 * as raw text with the reason (and counted); one longer than {@link #MAX_RECORD_BYTES} is truncated
 * and flagged. Event ids come from topic, partition and offset, so a replay overwrites.
 */
public final class KafkaLineDecoder implements KafkaRecordDeserializationSchema<LogRecord> {
  private static final long serialVersionUID = 1L;

  /** As for file lines: a record longer than this keeps only its start. */
  public static final int MAX_RECORD_BYTES = 64 * 1024;

  /** Headers that may name the service, first present wins. */
  static final List<String> SERVICE_HEADERS = List.of("service.name", "service");

  /** Stands for "the line named no service" while decoding; never a real service name. */
  private static final String UNNAMED = "";

  /**
   * One decoder per partition: lines without a time take their predecessor's in the partition. The
   * predecessor's time is checkpointed with the partition's offset ({@link TimedPartitionSplit}).
   */
  private transient Map<String, LineDecoder> decoders;

  private transient Counter decodeFailures;
  private transient Counter truncated;

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    decoders = new HashMap<>();
    decodeFailures = context.getMetricGroup().counter("decodeFailures");
    truncated = context.getMetricGroup().counter("truncatedRecords");
  }

  @Override
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LogRecord> out) {
    if (record.value() == null) {
      return; // a tombstone: compaction's delete marker, not a log line
    }
    String source = sourceOf(record.topic(), record.partition());
    LineDecoder decoder = decoders().computeIfAbsent(source, s -> decoder(s, record.timestamp()));
    byte[] value = record.value();
    LineFlags flags = flags(value);
    String text = text(value, flags);
    String service = serviceOf(record);
    List<String> unpacked = OtlpLogs.mayBe(text) ? OtlpLogs.unpack(text) : null;
    if (unpacked == null) {
      LogRecord decoded = decoder.decode(text, record.offset(), flags);
      emit(withService(decoded, service, decoded.eventId()), out);
      return;
    }
    for (int i = 0; i < unpacked.size(); i++) {
      LogRecord decoded = decoder.decode(unpacked.get(i), record.offset(), flags);
      // many records share the offset: the id adds the record's place in the request
      emit(
          withService(decoded, service, LogRecord.eventIdOf(source + "@" + record.offset(), i)),
          out);
    }
  }

  private void emit(LogRecord record, Collector<LogRecord> out) {
    if (record.decodeError() != null && decodeFailures != null) {
      decodeFailures.inc();
    }
    if ("true".equals(record.attributes().get("truncated")) && truncated != null) {
      truncated.inc();
    }
    out.collect(record);
  }

  /**
   * Continues {@code source} (a "topic/partition") where a checkpointed read of it stopped: its
   * next lines without a time of their own take {@code lastTimestamp}, the last line's before the
   * checkpoint, as they did in a read that was never interrupted.
   */
  void resume(String source, long lastTimestamp) {
    decoders().put(source, decoder(source, lastTimestamp));
  }

  /**
   * The time {@code source}'s next line without one would take, once a line of it was decoded or
   * its reading resumed; empty before (its first line then falls back to the record's time).
   */
  OptionalLong lastTimestamp(String source) {
    LineDecoder decoder = decoders().get(source);
    return decoder == null ? OptionalLong.empty() : OptionalLong.of(decoder.lastTimestamp());
  }

  /** The decoders by partition, also for a decoder used without {@code open()} (unit tests). */
  private Map<String, LineDecoder> decoders() {
    if (decoders == null) {
      decoders = new HashMap<>();
    }
    return decoders;
  }

  private static LineDecoder decoder(String source, long firstTimestamp) {
    int year = ZonedDateTime.now(ZoneOffset.UTC).getYear();
    return new LineDecoder(
        new SourceContext(source, UNNAMED, null, ZoneOffset.UTC, year, firstTimestamp));
  }

  private static LineFlags flags(byte[] value) {
    boolean tooLong = value.length > MAX_RECORD_BYTES;
    int kept = tooLong ? MAX_RECORD_BYTES : value.length;
    boolean invalid = !validUtf8(value, kept, tooLong);
    return new LineFlags(invalid, tooLong, value.length);
  }

  private static boolean validUtf8(byte[] value, int length, boolean cut) {
    // a cut may split the last character in two: up to three of its bytes may be missing
    int tries = cut ? 4 : 1;
    for (int i = 0; i < tries && length - i >= 0; i++) {
      if (decodes(value, length - i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean decodes(byte[] value, int length) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String text(byte[] value, LineFlags flags) {
    int length = flags.truncated() ? MAX_RECORD_BYTES : value.length;
    String text = new String(value, 0, length, StandardCharsets.UTF_8);
    // shippers may end a record with its line break
    return text.endsWith("\n") ? text.stripTrailing() : text;
  }

  /** The source name of a partition's lines ("topic/partition"), also their event ids' prefix. */
  static String sourceOf(String topic, int partition) {
    return topic + "/" + partition;
  }

  /** The service a header, the key or the topic names, for lines that name none. */
  static String serviceOf(ConsumerRecord<byte[], byte[]> record) {
    for (String name : SERVICE_HEADERS) {
      Header header = record.headers().lastHeader(name);
      if (header != null && header.value() != null && header.value().length > 0) {
        return new String(header.value(), StandardCharsets.UTF_8).strip();
      }
    }
    if (record.key() != null && record.key().length > 0 && record.key().length <= 256) {
      String key = new String(record.key(), StandardCharsets.UTF_8).strip();
      if (!key.isEmpty() && key.codePoints().noneMatch(Character::isISOControl)) {
        return key;
      }
    }
    return record.topic();
  }

  private static LogRecord withService(LogRecord r, String service, String eventId) {
    String named = r.service() == null || r.service().isEmpty() ? service : r.service();
    return new LogRecord(
        eventId,
        r.source(),
        r.line(),
        r.timestamp(),
        r.timestampInferred(),
        named,
        r.host(),
        r.level(),
        r.logger(),
        r.traceId(),
        r.message(),
        r.raw(),
        r.attributes(),
        r.decodeError());
  }

  @Override
  public TypeInformation<LogRecord> getProducedType() {
    return TypeInformation.of(LogRecord.class);
  }
}
