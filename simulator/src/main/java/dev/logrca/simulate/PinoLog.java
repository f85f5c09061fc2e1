package dev.logrca.simulate;

/** The frontend's Node.js logger, pino: one JSON object per line with numeric levels. */
final class PinoLog {
  static final int INFO = 30;
  static final int WARN = 40;
  static final int ERROR = 50;

  /** A value written as raw JSON (pino-http nests {@code req} and {@code res}). */
  record Raw(String json) {
    @Override
    public String toString() {
      return json;
    }
  }

  private final LogSink sink;
  private final String hostname;

  PinoLog(LogSink sink, String hostname) {
    this.sink = sink;
    this.hostname = hostname;
  }

  /** One line; {@code traceId} may be null, fields are key/value pairs written before msg. */
  void line(long time, int level, String traceId, String msg, Object... fields) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"level\":").append(level).append(",\"time\":").append(time);
    b.append(",\"pid\":1,\"hostname\":\"").append(hostname).append('"');
    if (traceId != null) {
      b.append(",\"trace_id\":\"").append(traceId).append('"');
    }
    for (int i = 0; i + 1 < fields.length; i += 2) {
      b.append(",\"").append(fields[i]).append("\":");
      if (fields[i + 1] instanceof Raw raw) {
        b.append(raw.json());
      } else {
        Json.appendValue(b, fields[i + 1]);
      }
    }
    b.append(",\"msg\":");
    Json.appendString(b, msg);
    sink.add(time, b.append('}').toString());
  }
}
