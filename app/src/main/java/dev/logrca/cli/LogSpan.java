package dev.logrca.cli;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.source.LogFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/** The event time a set of log files covers, from their earliest to their latest line. */
final class LogSpan {
  private LogSpan() {}

  /** The span of {@code files}; zero when no line carries a timestamp. */
  static Duration of(List<LogFile> files) throws IOException {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (LogFile file : files) {
      LineDecoder decoder =
          new LineDecoder(
              new SourceContext(file.path(), file.service(), null, ZoneOffset.UTC, 2026, 0L));
      try (BufferedReader in =
          Files.newBufferedReader(Path.of(file.path()), StandardCharsets.UTF_8)) {
        long lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          LogRecord record = decoder.decode(line, ++lineNo);
          if (record.timestamp() > 0) {
            first = Math.min(first, record.timestamp());
            last = Math.max(last, record.timestamp());
          }
        }
      }
    }
    return first > last ? Duration.ZERO : Duration.ofMillis(last - first);
  }
}
