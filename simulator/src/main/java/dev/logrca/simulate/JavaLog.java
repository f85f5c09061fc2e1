package dev.logrca.simulate;

/**
 * A Java service's text log, in Spring Boot's logback layout or in a log4j {@code %d %p [%t] %c -
 * %m} layout; a stack trace follows the message on its own lines, as Java loggers print them.
 */
final class JavaLog {
  private final LogSink sink;
  private final boolean springBoot;
  private final TimeFormat time;

  private JavaLog(LogSink sink, boolean springBoot) {
    this.sink = sink;
    this.springBoot = springBoot;
    this.time = springBoot ? TimeFormat.logback() : TimeFormat.log4j();
  }

  /** {@code 2026-11-27 10:00:00.123 INFO 1 --- [nio-8080-exec-1] c.e.checkout.Foo : msg}. */
  static JavaLog springBoot(LogSink sink) {
    return new JavaLog(sink, true);
  }

  /** {@code 2026-11-27 10:00:00,123 INFO [pool-1-thread-3] com.example.Foo - msg}. */
  static JavaLog log4j(LogSink sink) {
    return new JavaLog(sink, false);
  }

  void line(long at, String level, String thread, String logger, String msg) {
    line(at, level, thread, logger, msg, null);
  }

  /** One event; {@code stackTrace} (without a trailing newline) may be null. */
  void line(long at, String level, String thread, String logger, String msg, String stackTrace) {
    StringBuilder b = new StringBuilder(stackTrace == null ? 200 : 200 + stackTrace.length());
    time.append(b, at);
    if (springBoot) {
      b.append(' ');
      pad(b, level, 5, true).append(" 1 --- [");
      String shown = thread.length() > 15 ? thread.substring(thread.length() - 15) : thread;
      pad(b, shown, 15, true).append("] ");
      pad(b, logger, 40, false).append(" : ");
    } else {
      b.append(' ').append(level).append(" [").append(thread).append("] ");
      b.append(logger).append(" - ");
    }
    b.append(msg);
    if (stackTrace != null) {
      b.append('\n').append(stackTrace);
    }
    sink.add(at, b.toString());
  }

  private static StringBuilder pad(StringBuilder b, String text, int width, boolean right) {
    int spaces = Math.max(0, width - text.length());
    if (!right) {
      b.append(text);
    }
    b.append(" ".repeat(spaces));
    return right ? b.append(text) : b;
  }
}
