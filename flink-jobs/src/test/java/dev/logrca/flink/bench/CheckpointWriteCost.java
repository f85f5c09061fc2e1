package dev.logrca.flink.bench;

import dev.logrca.core.model.LogEvent;
import dev.logrca.flink.correlate.ClassifiedEvent;
import dev.logrca.flink.correlate.ClassifiedEventSerializer;
import dev.logrca.flink.state.EventFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.apache.flink.runtime.state.CompressibleFSDataOutputStream;
import org.apache.flink.runtime.state.UncompressedStreamCompressionDecorator;
import org.apache.flink.runtime.state.filesystem.FsCheckpointStreamFactory;
import org.apache.flink.util.FileUtils;

/**
 * What writing the correlation's buffered lines ({@code pending-events}) into a checkpoint costs,
 * outside Flink but through the streams a checkpoint writes to (a file checkpoint stream behind the
 * uncompressed decorator, wrapped as the heap backend wraps it): each round writes the first {@code
 * N} lines of a folder of logs, classified, once byte by byte (the format's fields straight onto
 * the stream, as the serializer wrote them before it staged values) and once through {@link
 * ClassifiedEventSerializer#serialize} (staged in memory, one write per value), alternating, and
 * prints the milliseconds of each and their ratio, with the median over rounds. Run with {@code
 * java -cp app/target/logrca.jar:flink-jobs/target/test-classes
 * dev.logrca.flink.bench.CheckpointWriteCost FOLDER [N] [ROUNDS]}.
 */
public final class CheckpointWriteCost {
  private CheckpointWriteCost() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    List<ClassifiedEvent> buffered = new ArrayList<>();
    for (LogEvent event : ScopeStateCost.read(folder)) {
      if (buffered.size() == n) {
        break;
      }
      buffered.add(ClassifiedEvent.of(event));
    }
    Path scratch = Files.createTempDirectory("checkpoint-write-cost");
    try {
      String[] ways = {"format 1 straight", "UTF-8 straight", "UTF-8 staged"};
      double[][] millis = new double[ways.length][rounds];
      for (int round = 0; round < rounds; round++) {
        StringBuilder line = new StringBuilder();
        for (int way = 0; way < ways.length; way++) {
          millis[way][round] = write(buffered, scratch, way);
          line.append(
              String.format(
                  "; %s %.1f ms (%,d bytes)", ways[way], millis[way][round], bytes(scratch)));
        }
        System.out.printf("round %d: %,d lines%s%n", round + 1, buffered.size(), line);
      }
      StringBuilder medians = new StringBuilder("median");
      for (int way = 0; way < ways.length; way++) {
        medians.append(
            String.format(
                "; %s %.1f ms (%.2f)",
                ways[way], median(millis[way]), median(millis[way]) / median(millis[0])));
      }
      System.out.println(medians);
    } finally {
      FileUtils.deleteDirectory(scratch.toFile());
    }
  }

  private static double write(List<ClassifiedEvent> buffered, Path scratch, int way)
      throws IOException {
    FileUtils.cleanDirectory(scratch.toFile());
    ClassifiedEventSerializer serializer = new ClassifiedEventSerializer();
    long start = System.nanoTime();
    FsCheckpointStreamFactory.FsCheckpointStateOutputStream file =
        new FsCheckpointStreamFactory.FsCheckpointStateOutputStream(
            new org.apache.flink.core.fs.Path(scratch.toUri()),
            FileSystem.getLocalFileSystem(),
            4096,
            0);
    try (CompressibleFSDataOutputStream stream =
        new CompressibleFSDataOutputStream(file, UncompressedStreamCompressionDecorator.INSTANCE)) {
      DataOutputViewStreamWrapper out = new DataOutputViewStreamWrapper(stream);
      for (ClassifiedEvent event : buffered) {
        if (way == 2) {
          serializer.serialize(event, out);
        } else {
          EventFormat format = way == 0 ? EventFormat.STRING_VALUE : EventFormat.UTF8;
          format.writeEvent(event.event(), out);
          format.writeStrings(event.signals(), out);
        }
      }
      out.flush();
      file.closeAndGetHandle();
    }
    return (System.nanoTime() - start) / 1e6;
  }

  private static long bytes(Path scratch) throws IOException {
    try (var files = Files.list(scratch)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
