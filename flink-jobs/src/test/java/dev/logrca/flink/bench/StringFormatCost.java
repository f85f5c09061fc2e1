package dev.logrca.flink.bench;

import dev.logrca.core.model.LogEvent;
import dev.logrca.flink.state.EventFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What writing and reading the job's lines costs in each string form of {@link EventFormat}, on a
 * folder of logs decoded and mined as the job does: chunk by chunk, the lines are written into one
 * buffer and read back with format 1's {@code StringValue} strings and with format 2's UTF-8 in
 * turn, several times, so both see the same load on a shared machine; prints nanoseconds per line
 * (the sum of each chunk's fastest pass) and the ratio. Run with {@code java -cp
 * app/target/logrca.jar:flink-jobs/target/test-classes dev.logrca.flink.bench.StringFormatCost
 * FOLDER [ROUNDS]}.
 */
public final class StringFormatCost {
  private StringFormatCost() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<LogEvent> events = ScopeStateCost.read(folder);
    System.out.printf("%s: %,d lines, chunks of %,d%n", folder, events.size(), CHUNK);
    EventFormat[] formats = {EventFormat.STRING_VALUE, EventFormat.UTF8};
    for (int round = 1; round <= rounds; round++) {
      // per chunk the fastest of REPEATS passes, the two forms taking turns: on a shared machine
      // the minimum is the pass no other process interrupted
      long[] write = new long[2];
      long[] read = new long[2];
      long[] bytes = new long[2];
      for (int from = 0; from < events.size(); from += CHUNK) {
        List<LogEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
        long[][] best = {{Long.MAX_VALUE, Long.MAX_VALUE}, {Long.MAX_VALUE, Long.MAX_VALUE}};
        for (int repeat = 0; repeat < REPEATS; repeat++) {
          for (int f = 0; f < 2; f++) {
            long[] pass = pass(formats[f], chunk);
            best[f][0] = Math.min(best[f][0], pass[0]);
            best[f][1] = Math.min(best[f][1], pass[1]);
            if (repeat == 0) {
              bytes[f] += pass[2];
            }
          }
        }
        for (int f = 0; f < 2; f++) {
          write[f] += best[f][0];
          read[f] += best[f][1];
        }
      }
      int n = events.size();
      System.out.printf(
          "round %d ns/line: StringValue write %.0f read %.0f (%d bytes) | UTF-8 write %.0f"
              + " read %.0f (%d bytes) | UTF-8/StringValue write %.3f read %.3f%n",
          round,
          (double) write[0] / n,
          (double) read[0] / n,
          bytes[0] / n,
          (double) write[1] / n,
          (double) read[1] / n,
          bytes[1] / n,
          (double) write[1] / write[0],
          (double) read[1] / read[0]);
    }
  }

  private static final int CHUNK = 2_000;
  private static final int REPEATS = 5;

  /**
   * Nanoseconds to write the chunk's lines (one buffer, cleared per line, as an edge writes) and to
   * read them all back, and the bytes written.
   */
  private static long[] pass(EventFormat format, List<LogEvent> chunk) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    int[] ends = new int[chunk.size()];
    long t0 = System.nanoTime();
    for (int i = 0; i < chunk.size(); i++) {
      format.writeEvent(chunk.get(i), out);
      ends[i] = out.length();
    }
    long t1 = System.nanoTime();
    DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
    long check = 0;
    for (int i = 0; i < chunk.size(); i++) {
      check += format.readEvent(in).record().line();
    }
    long t2 = System.nanoTime();
    if (check == 42) {
      System.out.println(); // keeps the reads from being optimised away
    }
    return new long[] {t1 - t0, t2 - t1, out.length()};
  }
}
