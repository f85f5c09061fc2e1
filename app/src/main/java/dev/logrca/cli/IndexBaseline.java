package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.JoinedLineReader;
import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.LineReader;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogEvent;
import dev.logrca.flink.source.LogFile;
import dev.logrca.index.EventIndex;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The yardstick of {@code logrca bench}: the lines decoded as the job's source decodes them and
 * written into an event index with the event index's own documents, on one thread, without Flink,
 * template mining, detection or correlation. Lines carry no template, so its field stays empty.
 */
final class IndexBaseline {
  /** The job's source cap on one line (its {@code OpenFile.MAX_LINE_BYTES}). */
  private static final int MAX_LINE_BYTES = 64 * 1024;

  private IndexBaseline() {}

  /** What a baseline run did: lines indexed and the time it took, commit included. */
  record Outcome(long lines, Duration time) {}

  /** Decodes and indexes every line of {@code files} into a new event index in {@code dir}. */
  static Outcome run(List<LogFile> files, Path dir) throws IOException {
    long started = System.nanoTime();
    long lines = 0;
    try (EventIndex index = EventIndex.open(dir)) {
      for (LogFile file : files) {
        lines += indexFile(file, index);
      }
      index.commit();
    }
    return new Outcome(lines, Duration.ofNanos(System.nanoTime() - started));
  }

  private static long indexFile(LogFile file, EventIndex index) throws IOException {
    Path path = Path.of(file.path());
    long modified = Files.getLastModifiedTime(path).toMillis();
    int year = Instant.ofEpochMilli(modified).atZone(ZoneOffset.UTC).getYear();
    HeaderFormat format =
        file.headerFormat() == null ? null : HeaderFormat.compile(file.headerFormat());
    LineDecoder decoder =
        new LineDecoder(
            new SourceContext(file.path(), file.service(), format, ZoneOffset.UTC, year, modified));
    long lineNo = 1;
    long count = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        JoinedLineReader reader =
            new JoinedLineReader(new LineReader(in, 0, MAX_LINE_BYTES), MAX_LINE_BYTES)) {
      for (JoinedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
        // each line once into a new index, as the job's sink writes a fresh shard
        index.addOnce(
            new LogEvent(
                decoder.decode(line.text(), lineNo, line.flags()), null, null, null, false));
        lineNo += line.lines();
        count++;
      }
    }
    return count;
  }
}
