package dev.logrca.core.model;

import java.util.Map;

/**
 * Builds a {@link LogRecord} for a test, which names only the fields it cares about. Unless told
 * otherwise the record is line 1 of {@code test.log} at epoch 0, logged by {@code test} at level
 * UNKNOWN; its raw text is its message, and its id is derived from its source and line as the
 * decoder derives it.
 */
public final class LogRecordBuilder {
  private String eventId;
  private String source = "test.log";
  private long line = 1;
  private long timestamp;
  private boolean timestampInferred;
  private String service = "test";
  private String host;
  private Level level = Level.UNKNOWN;
  private String logger;
  private String traceId;
  private String message = "";
  private String raw;
  private boolean rawGiven;
  private Map<String, String> attributes = Map.of();
  private String decodeError;

  private LogRecordBuilder() {}

  /** A record with the defaults above. */
  public static LogRecordBuilder record() {
    return new LogRecordBuilder();
  }

  /** A copy of {@code record}, its id and raw text included: changing its line keeps its id. */
  public static LogRecordBuilder from(LogRecord record) {
    return record()
        .eventId(record.eventId())
        .source(record.source())
        .line(record.line())
        .timestamp(record.timestamp())
        .timestampInferred(record.timestampInferred())
        .service(record.service())
        .host(record.host())
        .level(record.level())
        .logger(record.logger())
        .traceId(record.traceId())
        .message(record.message())
        .raw(record.raw())
        .attributes(record.attributes())
        .decodeError(record.decodeError());
  }

  /** The id; by default derived from source and line ({@link LogRecord#eventIdOf}). */
  public LogRecordBuilder eventId(String eventId) {
    this.eventId = eventId;
    return this;
  }

  public LogRecordBuilder source(String source) {
    this.source = source;
    return this;
  }

  public LogRecordBuilder line(long line) {
    this.line = line;
    return this;
  }

  public LogRecordBuilder timestamp(long epochMillis) {
    this.timestamp = epochMillis;
    return this;
  }

  public LogRecordBuilder timestampInferred(boolean inferred) {
    this.timestampInferred = inferred;
    return this;
  }

  public LogRecordBuilder service(String service) {
    this.service = service;
    return this;
  }

  public LogRecordBuilder host(String host) {
    this.host = host;
    return this;
  }

  public LogRecordBuilder level(Level level) {
    this.level = level;
    return this;
  }

  public LogRecordBuilder logger(String logger) {
    this.logger = logger;
    return this;
  }

  public LogRecordBuilder traceId(String traceId) {
    this.traceId = traceId;
    return this;
  }

  /** The message, which is also the raw text unless {@link #raw} says otherwise. */
  public LogRecordBuilder message(String message) {
    this.message = message;
    return this;
  }

  /** The line as read, null included; by default the message. */
  public LogRecordBuilder raw(String raw) {
    this.raw = raw;
    this.rawGiven = true;
    return this;
  }

  public LogRecordBuilder attributes(Map<String, String> attributes) {
    this.attributes = attributes;
    return this;
  }

  public LogRecordBuilder decodeError(String decodeError) {
    this.decodeError = decodeError;
    return this;
  }

  public LogRecord build() {
    return new LogRecord(
        eventId != null ? eventId : LogRecord.eventIdOf(source, line),
        source,
        line,
        timestamp,
        timestampInferred,
        service,
        host,
        level,
        logger,
        traceId,
        message,
        rawGiven ? raw : message,
        attributes,
        decodeError);
  }
}
