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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file being read: its line reader, its decoder and the decoded line that comes next, so the
 * merging reader can pick the file whose next line is earliest.
 */
final class OpenFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpenFile.class);

  /** Lines longer than this are kept truncated; the rest of the line is skipped, not held. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private final LogFile file;
  private final String splitId;
  private final int order;
  private final InputStream in;

  /** The file as it grows, when it is followed; null when it is read to its end once. */
  private final GrowingFileInput growing;

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

  private OpenFile(
      FileCursor cursor, String splitId, int order, InputStream in, GrowingFileInput growing)
      throws IOException {
    this.file = cursor.file();
    this.splitId = splitId;
    this.order = order;
    this.in = in;
    this.growing = growing;
    Path path = Path.of(file.path());
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
  static OpenFile open(FileCursor cursor, String splitId, int order) throws IOException {
    InputStream raw = Files.newInputStream(Path.of(cursor.file().path()));
    raw.skipNBytes(cursor.nextOffset());
    OpenFile f = new OpenFile(cursor, splitId, order, new BufferedInputStream(raw, 1 << 16), null);
    f.readAhead();
    return f;
  }

  /**
   * Opens {@code cursor}'s file to follow it as it grows: only complete lines are read, and {@link
   * #grow} looks for more. A file that shrank below the cursor since it was saved is read again
   * from its start.
   */
  static OpenFile follow(
      FileCursor cursor, String splitId, int order, long partialLineTimeoutMillis)
      throws IOException {
    Path path = Path.of(cursor.file().path());
    if (Files.size(path) < cursor.nextOffset()) {
      LOG.warn("{} is shorter than when it was last read: reading it from its start", path);
      cursor = FileCursor.atStart(cursor.file(), cursor.lastTimestamp());
    }
    GrowingFileInput growing =
        new GrowingFileInput(path, cursor.nextOffset(), partialLineTimeoutMillis);
    OpenFile f = new OpenFile(cursor, splitId, order, growing, growing);
    f.grow(System.currentTimeMillis());
    return f;
  }

  /**
   * Looks for lines appended to a followed file since it was last read to its end (at wall-clock
   * time {@code nowMillis}); afterwards {@link #peek} holds the next line, if one came.
   *
   * @return false when the file was truncated or replaced by a new one and must be opened again
   *     from its start
   */
  boolean grow(long nowMillis) throws IOException {
    GrowingFileInput.Growth growth = growing.grow(nowMillis);
    if (growth == GrowingFileInput.Growth.REPLACED) {
      return false;
    }
    if (growth == GrowingFileInput.Growth.MORE && next == null) {
      readAhead();
    }
    return true;
  }

  boolean followed() {
    return growing != null;
  }

  String splitId() {
    return splitId;
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

  /** The file being read. */
  LogFile file() {
    return file;
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
