package dev.logrca.core.decode;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a log file as the logger wrote them, joining what a container runtime split: a
 * CRI line tagged {@code P} with the lines of the same stream that continue it up to the one tagged
 * {@code F}, and a Docker json-file entry whose {@code log} lacks its newline with the entries that
 * continue it. A joined line reads as one line of the runtime's format (the first piece's time and
 * stream, the whole message) and keeps at most {@code maxLineBytes} of message, flagged as
 * truncated past that, the way {@link LineReader} caps a line. Every other line passes through
 * unchanged.
 *
 * <p>Offsets stay exact: a joined line starts at its first piece and ends after its last, so a
 * checkpoint taken between two joined lines resumes with the next one, and a checkpoint never falls
 * inside a sequence. When a line of the other stream, or a line of another shape, comes before the
 * sequence is complete (stdout and stderr are copied by separate threads and may interleave), the
 * pieces read so far are handed out as they are, still tagged partial, and the interrupting line
 * comes next: nothing is read twice or skipped. Not thread-safe.
 */
public final class JoinedLineReader implements Closeable {
  private final LineReader reader;
  private final int maxLineBytes;
  private LineReader.Line pushedBack;

  /**
   * One line as the logger wrote it.
   *
   * @param text the line, or the joined pieces in the runtime's format
   * @param lineStartOffset byte offset of its first piece
   * @param nextOffset byte offset just after its last piece, where reading resumes
   * @param lines how many lines of the file it took
   * @param flags what the readers noticed; {@code originalLength} is the bytes of all its pieces
   */
  public record Line(
      String text, long lineStartOffset, long nextOffset, int lines, LineFlags flags) {}

  /** Joins the lines of {@code reader}, keeping up to {@code maxLineBytes} of a joined message. */
  public JoinedLineReader(LineReader reader, int maxLineBytes) {
    this.reader = reader;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the stream. */
  public Line next() throws IOException {
    LineReader.Line first = read();
    if (first == null) {
      return null;
    }
    CriLine cri = CriLine.parse(first.text());
    if (cri != null && cri.partial()) {
      return joinCri(first, cri);
    }
    DockerJsonPart docker = DockerJsonPart.unterminated(first.text());
    if (docker != null) {
      return joinDocker(first, docker);
    }
    return new Line(first.text(), first.lineStartOffset(), first.nextOffset(), 1, first.flags());
  }

  private Line joinCri(LineReader.Line first, CriLine head) throws IOException {
    Joiner joined = new Joiner(first, head.message());
    while (true) {
      LineReader.Line line = read();
      CriLine piece = line == null ? null : CriLine.parse(line.text());
      if (piece == null || !piece.stream().equals(head.stream())) {
        pushedBack = line;
        // interrupted or cut off at the end: what there is, still marked partial
        String text = head.time() + ' ' + head.stream() + " P " + joined.message();
        return joined.line(text);
      }
      joined.add(line, piece.message());
      if (!piece.partial()) {
        return joined.line(head.asFullLine(joined.message()));
      }
    }
  }

  private Line joinDocker(LineReader.Line first, DockerJsonPart head) throws IOException {
    Joiner joined = new Joiner(first, head.log());
    while (true) {
      LineReader.Line line = read();
      DockerJsonPart piece = line == null ? null : DockerJsonPart.parse(line.text());
      if (piece == null || !piece.stream().equals(head.stream())) {
        pushedBack = line;
        return joined.line(head.withLog(joined.message()));
      }
      joined.add(line, piece.log());
      if (piece.ends()) {
        return joined.line(head.withLog(joined.message()));
      }
    }
  }

  private LineReader.Line read() throws IOException {
    if (pushedBack != null) {
      LineReader.Line line = pushedBack;
      pushedBack = null;
      return line;
    }
    return reader.next();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The pieces of one sequence so far: the message kept, and what the pieces were. */
  private final class Joiner {
    private final StringBuilder message = new StringBuilder();
    private final long start;
    private long next;
    private int lines;
    private long bytes;
    private long keptBytes;
    private boolean truncated;
    private boolean invalidUtf8;

    Joiner(LineReader.Line first, String firstMessage) {
      this.start = first.lineStartOffset();
      add(first, firstMessage);
    }

    void add(LineReader.Line line, String piece) {
      next = line.nextOffset();
      lines++;
      LineFlags f = line.flags();
      bytes += f.originalLength() >= 0 ? f.originalLength() : utf8Length(line.text());
      truncated |= f.truncated();
      invalidUtf8 |= f.invalidUtf8();
      long room = maxLineBytes - keptBytes;
      long size = utf8Length(piece);
      if (size <= room) {
        message.append(piece);
        keptBytes += size;
      } else {
        // keep what fits, then skip the rest of the sequence without holding it
        int end = prefixFitting(piece, room);
        message.append(piece, 0, end);
        keptBytes += utf8Length(piece.substring(0, end));
        keptBytes = maxLineBytes;
        truncated = true;
      }
    }

    String message() {
      return message.toString();
    }

    Line line(String text) {
      return new Line(text, start, next, lines, new LineFlags(invalidUtf8, truncated, bytes));
    }

    private static int prefixFitting(String s, long room) {
      long used = 0;
      int i = 0;
      while (i < s.length()) {
        int cp = s.codePointAt(i);
        int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (used + size > room) {
          break;
        }
        used += size;
        i += Character.charCount(cp);
      }
      return i;
    }

    private static long utf8Length(String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
