package dev.logrca.simulate;

/** The server logs of the datastores: PostgreSQL's stderr log and Redis's log file. */
final class DatastoreLogs {
  private final LogSink postgresSink;
  private final LogSink redisSink;
  private final TimeFormat postgresTime = TimeFormat.postgres();
  private final TimeFormat redisTime = TimeFormat.redis();

  DatastoreLogs(LogSink postgresSink, LogSink redisSink) {
    this.postgresSink = postgresSink;
    this.redisSink = redisSink;
  }

  /**
   * {@code 2026-11-27 10:00:03.123 UTC [1234] LOG: message} ({@code log_line_prefix='%m [%p] '}).
   */
  void postgres(long time, int pid, String severity, String message) {
    StringBuilder b = new StringBuilder(160);
    postgresTime.append(b, time).append(" [").append(pid).append("] ").append(severity);
    postgresSink.add(time, b.append(":  ").append(message).toString());
  }

  /** Milliseconds with three decimals, as PostgreSQL prints durations. */
  static String millis(double ms) {
    long micros = Math.round(ms * 1000);
    long frac = micros % 1000;
    return micros / 1000 + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
  }

  /** {@code 1:M 27 Nov 2026 10:00:00.123 * message}; level is one of {@code . - * #}. */
  void redis(long time, int pid, char role, char level, String message) {
    StringBuilder b = new StringBuilder(120);
    b.append(pid).append(':').append(role).append(' ');
    redisTime.append(b, time).append(' ').append(level).append(' ').append(message);
    redisSink.add(time, b.toString());
  }
}
