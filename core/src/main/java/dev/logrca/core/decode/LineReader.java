package dev.logrca.core.decode;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads lines from a byte stream with exact byte offsets, so that a source can checkpoint the
 * offset after a line and resume there. Lines end at {@code \n} or {@code \r\n}; the last line
 * needs no break. A line longer than {@code maxLineBytes} keeps its first bytes (cut at a character
 * boundary) and is flagged, and the rest is skipped without being held in memory. Invalid UTF-8 is
 * decoded with replacement characters and flagged; a UTF-8 byte order mark at offset 0 is skipped.
 * Offsets count the bytes of the stream as given: compressed files are not opened here. Not
 * thread-safe.
 */
public final class LineReader implements Closeable {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line;
  private int bufferPos;
  private int bufferEnd;
  private long offset;
  private boolean atStart;

  /**
   * One line read, with the offset of its first byte and the offset just after its line break
   * (where reading resumes).
   */
  public record Line(String text, long lineStartOffset, long nextOffset, LineFlags flags) {}

  /**
   * A reader of {@code in}, which must be positioned at {@code startOffset}, the start of a line (0
   * or a {@link Line#nextOffset()} from before).
   */
  public LineReader(InputStream in, long startOffset, int maxLineBytes) {
    if (maxLineBytes < 4) {
      throw new IllegalArgumentException("maxLineBytes must be at least 4: " + maxLineBytes);
    }
    this.in = in;
    this.offset = startOffset;
    this.maxLineBytes = maxLineBytes;
    this.line = new byte[Math.min(maxLineBytes, 4096)];
    this.atStart = startOffset == 0;
  }

  /** A reader of a file from {@code startOffset} on. */
  public static LineReader open(Path file, long startOffset, int maxLineBytes) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(startOffset);
    return new LineReader(Channels.newInputStream(channel), startOffset, maxLineBytes);
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    if (atStart) {
      atStart = false;
      skipByteOrderMark();
    }
    long start = offset;
    int kept = 0;
    long length = 0;
    byte last = 0;
    boolean lineBreak = false;
    while (!lineBreak) {
      if (bufferPos == bufferEnd && !fill()) {
        break;
      }
      int i = bufferPos;
      while (i < bufferEnd && buffer[i] != '\n') {
        i++;
      }
      int chunk = i - bufferPos;
      if (chunk > 0) {
        kept = keep(bufferPos, chunk, kept);
        last = buffer[i - 1];
        length += chunk;
      }
      lineBreak = i < bufferEnd;
      bufferPos = lineBreak ? i + 1 : i;
      offset += lineBreak ? chunk + 1 : chunk;
    }
    if (!lineBreak && length == 0) {
      return null;
    }
    if (last == '\r') {
      length--;
      kept = (int) Math.min(kept, length);
    }
    boolean truncated = length > kept;
    if (truncated) {
      kept = characterBoundary(kept);
    }
    boolean[] invalid = new boolean[1];
    String text = decode(kept, invalid);
    return new Line(text, start, offset, new LineFlags(invalid[0], truncated, length));
  }

  private int keep(int from, int count, int kept) {
    int room = maxLineBytes - kept;
    int n = Math.min(room, count);
    if (n > 0) {
      if (kept + n > line.length) {
        line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(kept + n, line.length * 2)));
      }
      System.arraycopy(buffer, from, line, kept, n);
    }
    return kept + n;
  }

  /** Cuts a truncated line before a multi-byte character whose tail was cut off. */
  private int characterBoundary(int kept) {
    int lead = kept - 1;
    while (lead > 0 && lead > kept - 4 && (line[lead] & 0xC0) == 0x80) {
      lead--;
    }
    int b = line[lead] & 0xFF;
    int size = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return lead + size > kept ? lead : kept;
  }

  private String decode(int length, boolean[] invalid) {
    boolean ascii = true;
    for (int i = 0; i < length && ascii; i++) {
      ascii = line[i] >= 0;
    }
    if (ascii) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    try {
      return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      invalid[0] = true;
      return new String(line, 0, length, StandardCharsets.UTF_8);
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    while (n == 0) {
      n = in.read(buffer, 0, buffer.length);
    }
    bufferPos = 0;
    bufferEnd = Math.max(n, 0);
    return n > 0;
  }

  private void skipByteOrderMark() throws IOException {
    while (bufferEnd < 3) {
      int n = in.read(buffer, bufferEnd, buffer.length - bufferEnd);
      if (n < 0) {
        break;
      }
      bufferEnd += n;
    }
    if (bufferEnd >= 3
        && (buffer[0] & 0xFF) == 0xEF
        && (buffer[1] & 0xFF) == 0xBB
        && (buffer[2] & 0xFF) == 0xBF) {
      bufferPos = 3;
      offset += 3;
    }
  }

  /**
   * True when a file looks binary rather than text: a NUL byte, gzip's magic number (compressed
   * logs are not read transparently) or more than a tenth control bytes in its first 8 KiB.
   */
  public static boolean looksBinary(Path file) throws IOException {
    byte[] head = new byte[8192];
    int n;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      return true;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      // tab, line breaks, form feed, backspace and ESC (colour codes) are normal in logs
      boolean usual = b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\b' || b == 0x1B;
      if ((b < 0x20 && !usual) || b == 0x7F) {
        control++;
      }
    }
    return control * 10 > n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
