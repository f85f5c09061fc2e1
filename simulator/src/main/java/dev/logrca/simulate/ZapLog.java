package dev.logrca.simulate;

/** The payment service's Go logger, zap in production mode with ISO-8601 times. */
final class ZapLog {
  private final LogSink sink;
  private final TimeFormat ts = TimeFormat.iso();

  ZapLog(LogSink sink) {
    this.sink = sink;
  }

  /** One line: level (debug, info, warn, error), the caller file:line, message, fields. */
  void line(long time, String level, String caller, String msg, String traceId, Object... fields) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"level\":\"").append(level).append("\",\"ts\":\"");
    ts.append(b, time).append("\",\"caller\":\"").append(caller).append("\",\"msg\":");
    Json.appendString(b, msg);
    if (traceId != null) {
      b.append(",\"trace_id\":\"").append(traceId).append('"');
    }
    Json.appendFields(b, fields);
    sink.add(time, b.append('}').toString());
  }
}
