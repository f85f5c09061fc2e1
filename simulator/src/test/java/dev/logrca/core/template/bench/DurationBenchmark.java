package dev.logrca.core.template.bench;

import dev.logrca.core.detect.LoggedDuration;
import dev.logrca.core.detect.WindowAccumulator;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.template.MiningResult;
import dev.logrca.core.template.TemplateMiner;
import java.io.IOException;
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
 * What reading the durations lines report costs, in lines per second, beside {@link
 * MiningBenchmark}'s mining of the same corpus: {@code readDuration} alone, and {@code accumulate},
 * the per-service window counting every mined line goes through (which reads them).
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
public class DurationBenchmark {
  @Param({"loghub", "simulator"})
  public String corpus;

  private LogEvent[] events;

  @Setup
  public void load() throws IOException {
    MiningCorpus lines = MiningCorpus.named(corpus);
    String[] messages = lines.messages();
    TemplateMiner[] miners = lines.newMiners();
    for (int i = 0; i < messages.length; i++) {
      miners[lines.minerOf()[i]].mine(messages[i]);
    }
    events = new LogEvent[messages.length];
    for (int i = 0; i < messages.length; i++) {
      MiningResult mined = miners[lines.minerOf()[i]].mine(messages[i]);
      String service = "s" + lines.minerOf()[i];
      LogRecord record =
          new LogRecord(
              "e" + i,
              "bench",
              i,
              i,
              false,
              service,
              null,
              Level.INFO,
              null,
              null,
              messages[i],
              messages[i],
              null,
              null);
      events[i] =
          new LogEvent(
              record,
              service + ":" + mined.templateId(),
              mined.template(),
              mined.parameters(),
              false);
    }
  }

  @Benchmark
  public void readDuration(Blackhole out) {
    for (LogEvent event : events) {
      out.consume(LoggedDuration.millisOf(event));
    }
  }

  @Benchmark
  public void accumulate(Blackhole out) {
    WindowAccumulator window = new WindowAccumulator();
    for (LogEvent event : events) {
      window.add(event);
    }
    out.consume(window);
  }
}
