package dev.logrca.cli;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The order in which the bench sends its lines: each file's lines in their order, the files merged
 * by the lines' times, as shippers tailing the files would send them ({@link #byTime}), or
 * interleaved in proportion to their length ({@link #interleaved}), which sends a file whose rate
 * changes (a service that stops logging when it fails) out of step with the others in event time.
 */
final class SendSchedule {
  private final int[] partitions;
  private final int[] offsets;

  private SendSchedule(int[] partitions, int[] offsets) {
    this.partitions = partitions;
    this.offsets = offsets;
  }

  /** The interleaved order of {@code lines} (one list per file and partition). */
  static SendSchedule interleaved(List<? extends List<?>> lines) {
    int total = lines.stream().mapToInt(List::size).sum();
    int[] partitions = new int[total];
    int[] offsets = new int[total];
    int[] next = new int[lines.size()];
    // the file whose next line sits earliest in its own file, as a fraction of its length
    // (ties go to the first file, so the order is the same on every run)
    PriorityQueue<Integer> queue =
        new PriorityQueue<>(
            (a, b) -> {
              int byPlace =
                  Double.compare(
                      (next[a] + 0.5) / lines.get(a).size(), (next[b] + 0.5) / lines.get(b).size());
              return byPlace != 0 ? byPlace : Integer.compare(a, b);
            });
    for (int f = 0; f < lines.size(); f++) {
      if (!lines.get(f).isEmpty()) {
        queue.add(f);
      }
    }
    for (int i = 0; i < total; i++) {
      int f = queue.poll();
      partitions[i] = f;
      offsets[i] = next[f]++;
      if (next[f] < lines.get(f).size()) {
        queue.add(f);
      }
    }
    return new SendSchedule(partitions, offsets);
  }

  /**
   * The lines of each file (one array of line times per file and partition) merged by time: the
   * file whose next line is earliest goes first, ties to the first file.
   */
  static SendSchedule byTime(List<long[]> times) {
    int total = times.stream().mapToInt(t -> t.length).sum();
    int[] partitions = new int[total];
    int[] offsets = new int[total];
    int[] next = new int[times.size()];
    PriorityQueue<Integer> queue =
        new PriorityQueue<>(
            (a, b) -> {
              int byTime = Long.compare(times.get(a)[next[a]], times.get(b)[next[b]]);
              return byTime != 0 ? byTime : Integer.compare(a, b);
            });
    for (int f = 0; f < times.size(); f++) {
      if (times.get(f).length > 0) {
        queue.add(f);
      }
    }
    for (int i = 0; i < total; i++) {
      int f = queue.poll();
      partitions[i] = f;
      offsets[i] = next[f]++;
      if (next[f] < times.get(f).length) {
        queue.add(f);
      }
    }
    return new SendSchedule(partitions, offsets);
  }

  int size() {
    return partitions.length;
  }

  int partition(int i) {
    return partitions[i];
  }

  int offset(int i) {
    return offsets[i];
  }

  /** How many of the first {@code count} lines go to each of {@code partitionCount} partitions. */
  int[] linesPerPartition(int count, int partitionCount) {
    int[] per = new int[partitionCount];
    for (int i = 0; i < count; i++) {
      per[partitions[i]]++;
    }
    return per;
  }
}
