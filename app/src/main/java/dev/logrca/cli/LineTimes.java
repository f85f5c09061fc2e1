package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.flink.source.LogFile;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The event time of each line of a log file as the job's decoders read it (a line without a time of
 * its own takes its predecessor's), for the bench to send lines in time order and find a fault's
 * first line.
 */
final class LineTimes {
  private LineTimes() {}

  /** The times, epoch millis, of {@code lines}, the lines of {@code file}, in their order. */
  static long[] of(LogFile file, List<String> lines) {
    HeaderFormat format =
        file.headerFormat() == null ? null : HeaderFormat.compile(file.headerFormat());
    // lines without a year are read in this year, as the file source reads a file written now
    int year = ZonedDateTime.now(ZoneOffset.UTC).getYear();
    LineDecoder decoder =
        new LineDecoder(
            new SourceContext(file.path(), file.service(), format, ZoneOffset.UTC, year, 0));
    long[] times = new long[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      times[i] = decoder.decode(lines.get(i), i + 1L).timestamp();
    }
    return times;
  }
}
