package dev.logrca.simulate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.PriorityQueue;

/**
 * One service's log file. Lines arrive slightly out of order (a request's hops finish after later
 * requests start), so they wait in a queue ordered by event time and are written once the simulator
 * promises nothing earlier can still come.
 */
final class LogSink implements Closeable {
  private record Entry(long time, long seq, String text) {}

  private final Path file;
  private final BufferedWriter writer;
  private final PriorityQueue<Entry> pending =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long seq;
  private long lines;

  LogSink(Path file) throws IOException {
    this.file = file;
    this.writer =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Queues {@code text} (one line, or several for a stack trace) at event time {@code time}. */
  void add(long time, String text) {
    pending.add(new Entry(time, seq++, text));
  }

  /** Writes every queued line earlier than {@code time}. */
  void flushBefore(long time) {
    try {
      while (!pending.isEmpty() && pending.peek().time < time) {
        String text = pending.poll().text;
        writer.write(text);
        writer.write('\n');
        lines += 1 + countNewlines(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  Path file() {
    return file;
  }

  long lines() {
    return lines;
  }

  @Override
  public void close() throws IOException {
    flushBefore(Long.MAX_VALUE);
    writer.close();
  }

  private static int countNewlines(String text) {
    int count = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    return count;
  }
}
