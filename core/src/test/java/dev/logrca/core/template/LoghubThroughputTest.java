package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints single-thread throughput over the 16,000 Loghub lines replayed; asserts nothing on it. */
class LoghubThroughputTest {
  private static final int ROUNDS = 20;

  @Test
  void printsLinesPerSecond() {
    List<List<String>> systems = new ArrayList<>();
    for (String system : LoghubCorpus.SYSTEMS) {
      List<String> lines = new ArrayList<>();
      LoghubCorpus.lines(system).forEach(line -> lines.add(line.content()));
      systems.add(lines);
    }
    List<TemplateMiner> miners = new ArrayList<>();
    systems.forEach(lines -> miners.add(new TemplateMiner(MinerConfig.defaults())));
    long mined = 0;
    long start = 0;
    for (int round = -3; round < ROUNDS; round++) {
      if (round == 0) {
        start = System.nanoTime(); // the first rounds warm the JIT up
        mined = 0;
      }
      for (int s = 0; s < systems.size(); s++) {
        for (String line : systems.get(s)) {
          miners.get(s).mine(line);
          mined++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("mined %d lines in %.2f s: %.0f lines/s%n", mined, seconds, mined / seconds);

    assertThat(mined).isEqualTo(ROUNDS * 16_000L);
  }
}
