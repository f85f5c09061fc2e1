package dev.logrca.core.template.bench;

import dev.logrca.core.template.TemplateMiner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The loops of {@link MiningBenchmark#tokenizeOnly} and {@link MiningBenchmark#mineWarm} timed by
 * the thread's own CPU time rather than the wall clock, for machines whose other work would swamp
 * JMH's figures. Like the benchmark, both loops work on a fresh string of each line. It does not
 * count the garbage collector's threads. Prints the median lines per CPU-second of each corpus.
 */
public final class MiningCpuTime {
  private static final int WARMUP_ROUNDS = 10;
  private static final int ROUNDS = 15;

  /** Keeps the results alive so that the JIT cannot drop the work. */
  private static volatile Object sink;

  private MiningCpuTime() {}

  public static void main(String[] args) throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (String name : new String[] {"loghub", "simulator"}) {
      MiningCorpus corpus = MiningCorpus.named(name);
      String[] messages = corpus.messages();
      char[][] chars = MiningCorpus.chars(messages);
      int[] minerOf = corpus.minerOf();
      TemplateMiner[] miners = corpus.newMiners();
      for (int i = 0; i < messages.length; i++) {
        miners[minerOf[i]].mine(messages[i]);
      }
      double[] tokenize = new double[ROUNDS];
      double[] mine = new double[ROUNDS];
      for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (char[] message : chars) {
          sink = MiningBenchmark.splitWhitespace(MiningBenchmark.fresh(message));
        }
        long split = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < chars.length; i++) {
          sink = miners[minerOf[i]].mine(MiningBenchmark.fresh(chars[i]));
        }
        long end = threads.getCurrentThreadCpuTime();
        if (round >= 0) {
          tokenize[round] = messages.length / ((split - start) / 1e9);
          mine[round] = messages.length / ((end - split) / 1e9);
        }
      }
      double t = median(tokenize);
      double m = median(mine);
      System.out.printf(
          "%-10s tokenizeOnly %,12.0f  mineWarm %,12.0f lines per CPU-second  ratio %.1f%n",
          name, t, m, t / m);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
