package dev.logrca.flink.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A file that another process is still writing, read up to its last complete line only: a line
 * caught half-written stays unread until its line break arrives, or until it has waited {@code
 * partialLineTimeout}, and then it is read as it is. The stream reports its end whenever it has
 * read everything released so far; {@link #grow} releases what was appended since.
 */
final class GrowingFileInput extends InputStream {
  private static final int SCAN_BYTES = 64 * 1024;

  /** What {@link #grow} found. */
  enum Growth {
    /** Nothing new to read. */
    NONE,
    /** More bytes can be read. */
    MORE,
    /** The file shrank or was replaced: it must be read again from its start. */
    REPLACED
  }

  private final Path path;
  private final FileChannel channel;
  private final Object fileKey;
  private final long partialLineTimeoutMillis;
  private final ByteBuffer scan = ByteBuffer.allocate(SCAN_BYTES);
  private long position;

  /** Bytes before this offset may be read: the end of the last complete line, or more. */
  private long released;

  /** Bytes before this offset were scanned for line breaks. */
  private long scanned;

  /** Since when (wall clock) a last line has waited for its line break, or -1. */
  private long partialSince = -1;

  GrowingFileInput(Path path, long startOffset, long partialLineTimeoutMillis) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    this.fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    this.partialLineTimeoutMillis = partialLineTimeoutMillis;
    this.position = startOffset;
    this.released = startOffset;
    this.scanned = startOffset;
  }

  /**
   * Looks at the file again at wall-clock time {@code nowMillis}: releases the complete lines
   * appended since, and a last line that has waited long enough for its line break.
   */
  Growth grow(long nowMillis) throws IOException {
    if (replaced()) {
      return Growth.REPLACED;
    }
    long size = channel.size();
    long lastBreak = lastLineBreak(size);
    long before = released;
    if (lastBreak >= released) {
      released = lastBreak + 1;
      partialSince = -1;
    }
    if (size > released) {
      if (partialSince < 0) {
        partialSince = nowMillis;
      } else if (nowMillis - partialSince >= partialLineTimeoutMillis) {
        // the writer may never finish it (a crash mid-line): read what is there
        released = size;
        partialSince = -1;
      }
    }
    return released > before ? Growth.MORE : Growth.NONE;
  }

  /** Truncated below what was read (copytruncate), or its path now names another file (rotated). */
  private boolean replaced() throws IOException {
    if (channel.size() < position) {
      return true;
    }
    try {
      Object now = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
      return now != null && !Objects.equals(now, fileKey);
    } catch (NoSuchFileException e) {
      // rotated away and not created again yet: keep reading the old file until it is
      return false;
    }
  }

  /** Offset of the last line break before {@code size}, or -1 when there is none after release. */
  private long lastLineBreak(long size) throws IOException {
    long last = -1;
    while (scanned < size) {
      scan.clear();
      scan.limit((int) Math.min(SCAN_BYTES, size - scanned));
      int n = channel.read(scan, scanned);
      if (n <= 0) {
        break;
      }
      for (int i = n - 1; i >= 0; i--) {
        if (scan.get(i) == '\n') {
          last = scanned + i;
          break;
        }
      }
      scanned += n;
    }
    return last;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    long left = released - position;
    if (left <= 0) {
      return -1;
    }
    ByteBuffer target = ByteBuffer.wrap(into, offset, (int) Math.min(length, left));
    int n = channel.read(target, position);
    if (n <= 0) {
      return -1;
    }
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
