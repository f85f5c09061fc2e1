package dev.logrca.core.decode;

import dev.logrca.core.model.Level;
import java.util.HashMap;
import java.util.Map;

/** The parts of a record as the decoders find them, before the line's context completes it. */
final class RecordDraft {
  Long timestamp;

  /** True when {@link #timestamp} is when a container runtime read the line, not the line's own. */
  boolean arrivalTime;

  String service;
  String host;
  Level level = Level.UNKNOWN;
  String logger;
  String traceId;
  String message;
  Map<String, String> attributes = new HashMap<>();
  String error;

  /** A plain line's parts; its trace id may sit in the header as well as in the message. */
  static RecordDraft of(PlainLine p, String line) {
    RecordDraft d = new RecordDraft();
    d.timestamp = p.hasTimestamp() ? p.timestamp() : null;
    d.host = p.host();
    d.level = p.level();
    d.logger = p.logger();
    d.message = p.message();
    d.traceId = MessageTraceId.find(line);
    d.attributes = p.attributes(); // a fresh map per line: taken over, not copied
    return d;
  }

  static RecordDraft of(JsonLine j) {
    RecordDraft d = new RecordDraft();
    d.timestamp = j.timestamp();
    d.service = j.service();
    d.host = j.host();
    d.level = j.level();
    d.logger = j.logger();
    d.traceId = j.traceId();
    d.message = j.message();
    d.attributes = j.attributes(); // a fresh map per line: taken over, not copied
    d.error = j.error();
    return d;
  }
}
