package dev.logrca.core.template.bench;

import dev.logrca.core.template.TemplateMiner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread template mining throughput in lines per second: one invocation goes over a whole
 * corpus, so each operation is one line. {@code tokenizeOnly} is the floor any miner pays (a
 * whitespace split into string tokens, as Drain does); {@code mineWarm} is the steady state of a
 * streaming job, whose miners already know the templates; {@code mineCold} learns them from
 * scratch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MiningCorpus.LINES)
@Threads(1)
@Fork(
    value = 2,
    jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class MiningBenchmark {
  @Param({"loghub", "simulator"})
  public String corpus;

  private String[] messages;

  /** Each message's characters, from which every pass makes a fresh string (see {@link #fresh}). */
  private char[][] chars;

  private int[] minerOf;
  private MiningCorpus lines;
  private TemplateMiner[] warm;

  @Setup
  public void load() throws IOException {
    lines = MiningCorpus.named(corpus);
    messages = lines.messages();
    chars = MiningCorpus.chars(messages);
    minerOf = lines.minerOf();
    warm = lines.newMiners();
    for (int i = 0; i < messages.length; i++) {
      warm[minerOf[i]].mine(messages[i]);
    }
  }

  @Benchmark
  public void tokenizeOnly(Blackhole out) {
    for (char[] message : chars) {
      out.consume(splitWhitespace(fresh(message)));
    }
  }

  @Benchmark
  public void mineWarm(Blackhole out) {
    for (int i = 0; i < chars.length; i++) {
      out.consume(warm[minerOf[i]].mine(fresh(chars[i])));
    }
  }

  @Benchmark
  public void mineCold(Blackhole out) {
    TemplateMiner[] miners = lines.newMiners();
    for (int i = 0; i < chars.length; i++) {
      out.consume(miners[minerOf[i]].mine(fresh(chars[i])));
    }
  }

  /**
   * A new string of the message, as a stream hands every line over: its hash is not yet computed,
   * so neither the miner's memory of exact repeats nor any lookup by the whole message gets it for
   * free as it would by mining the same string object again. Both timed loops pay for it alike.
   */
  static String fresh(char[] message) {
    return new String(message);
  }

  /** What a simple miner does before anything else: the message's words as strings. */
  static String[] splitWhitespace(String message) {
    List<String> words = new ArrayList<>();
    int length = message.length();
    int i = 0;
    while (i < length) {
      while (i < length && Character.isWhitespace(message.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < length && !Character.isWhitespace(message.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(message.substring(start, i));
      }
    }
    return words.toArray(new String[0]);
  }
}
