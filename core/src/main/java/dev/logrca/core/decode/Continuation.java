package dev.logrca.core.decode;

import dev.logrca.core.model.LogRecord;
import java.util.regex.Pattern;

/**
 * Recognises the continuation lines of a multi-line event: a Java or Python stack trace, the
 * exception a logger prints after its message, {@code Caused by:}, {@code ... 12 more}. Such a line
 * has no timestamp of its own; it is indexed like any line but judged with the line it continues.
 */
public final class Continuation {
  private static final Pattern SHAPE =
      Pattern.compile(
          // indented frames and notes: Java "\tat ...", Python '  File "x.py", line 3'
          "^\\s+\\S"
              + "|^(?:Caused by|Suppressed|Wrapped by): "
              + "|^Traceback \\(most recent call last\\)"
              // an exception's own line: "java.lang.IllegalStateException: Duplicate key",
              // "org.springframework...HttpServerErrorException$GatewayTimeout: 504 ...",
              // Python "ValueError: bad input"
              + "|^(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault)"
              + "(?:\\$\\w+)?(?::|$)");

  private Continuation() {}

  /** True when {@code record} took its predecessor's time and has a continuation's shape. */
  public static boolean of(LogRecord record) {
    return record.timestampInferred()
        && record.message() != null
        && SHAPE.matcher(record.message()).find();
  }
}
