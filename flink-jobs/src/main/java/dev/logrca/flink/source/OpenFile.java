package dev.logrca.flink.source;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.JoinedLineReader;
import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.LineReader;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * One file being read: its line reader, its decoder and the decoded line that comes next, so the
 * merging reader can pick the file whose next line is earliest.
 */
final class OpenFile implements AutoCloseable {
  /** Lines longer than this are kept truncated; the rest of the line is skipped, not held. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final LogFile file;
  private final int order;
  private final InputStream in;
  private final JoinedLineReader reader;
  private final LineDecoder decoder;
  private LogRecord next;

  /** Byte offset and number of the line in {@link #next}, or of the end of the file. */
  private long nextOffset;

  private long nextLine;

  /** Byte offset and number of the line after {@link #next}. */
  private long followingOffset;

  private long followingLine;
  private long lastEmittedTimestamp;

  private OpenFile(LogFile file, int order, FileCursor cursor) throws IOException {
    this.file = file;
    this.order = order;
    Path path = Path.of(file.path());
    InputStream raw = Files.newInputStream(path);
    raw.skipNBytes(cursor.nextOffset());
    this.in = new BufferedInputStream(raw, 1 << 16);
    // a container runtime's split lines are joined here, so a cursor never falls inside one
    this.reader =
        new JoinedLineReader(
            new LineReader(in, cursor.nextOffset(), MAX_LINE_BYTES), MAX_LINE_BYTES);
    long modified = Files.getLastModifiedTime(path).toMillis();
    long fallback = cursor.lastTimestamp() == Long.MIN_VALUE ? modified : cursor.lastTimestamp();
    int year =
        ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(modified), ZoneOffset.UTC).getYear();
    HeaderFormat format =
        file.headerFormat() == null ? null : HeaderFormat.compile(file.headerFormat());
    this.decoder =
        new LineDecoder(
            new SourceContext(file.path(), file.service(), format, ZoneOffset.UTC, year, fallback));
    this.followingOffset = cursor.nextOffset();
    this.followingLine = cursor.nextLine();
    this.lastEmittedTimestamp = cursor.lastTimestamp();
  }

  /** Opens {@code cursor}'s file at its offset and decodes the first line to come. */
  static OpenFile open(FileCursor cursor, int order) throws IOException {
    OpenFile f = new OpenFile(cursor.file(), order, cursor);
    f.readAhead();
    return f;
  }

  /** The next line's record, or null at the end of the file. */
  LogRecord peek() {
    return next;
  }

  int order() {
    return order;
  }

  /** Takes the next record and reads the one after it. */
  LogRecord take() throws IOException {
    LogRecord taken = next;
    lastEmittedTimestamp = taken.timestamp();
    readAhead();
    return taken;
  }

  /** Where this file stands, for a checkpoint: the line in {@link #peek} is not emitted yet. */
  FileCursor cursor() {
    return new FileCursor(file, nextOffset, nextLine, lastEmittedTimestamp);
  }

  private void readAhead() throws IOException {
    nextOffset = followingOffset;
    nextLine = followingLine;
    JoinedLineReader.Line line = reader.next();
    if (line == null) {
      next = null;
      return;
    }
    next = decoder.decode(line.text(), nextLine, line.flags());
    followingOffset = line.nextOffset();
    followingLine = nextLine + line.lines();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
