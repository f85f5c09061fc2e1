package dev.logrca.flink.bench;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.ServiceNames;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.MiningResult;
import dev.logrca.core.template.TemplateMiner;
import dev.logrca.core.topology.Topology;
import dev.logrca.core.topology.TopologyInference;
import dev.logrca.flink.correlate.ScopeState;
import dev.logrca.flink.correlate.ScopeStateSerializer;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.correlate.CorrelationEngine;
import dev.logrca.rules.correlate.CorrelationState;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * What checkpointing one correlation scope costs on a folder of logs, measured outside Flink: every
 * {@code --every} lines (in event-time order, decoded and mined as the job does) the engine is
 * snapshotted ({@link CorrelationEngine#snapshot}, the copy the operator keeps) and the scope
 * written with {@link ScopeStateSerializer}, as a checkpoint does; prints bytes and milliseconds
 * per checkpoint. Anomalies are left out (no detectors run), so the state is that of lines alone.
 * Run with {@code java -cp app/target/logrca.jar:flink-jobs/target/test-classes
 * dev.logrca.flink.bench.ScopeStateCost FOLDER [EVERY] [ROUNDS]}.
 */
public final class ScopeStateCost {
  private ScopeStateCost() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0]);
    int every = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<LogEvent> events = read(folder);
    System.out.printf(
        "%s: %,d lines, a checkpoint every %,d lines%n", folder, events.size(), every);
    var rules = RulePack.shipped().compile();
    for (int round = 1; round <= rounds; round++) {
      run(rules, events, every, round);
    }
  }

  private static void run(
      dev.logrca.rules.CompiledRules rules, List<LogEvent> events, int every, int round)
      throws IOException {
    CorrelationEngine engine =
        new CorrelationEngine(rules, new Topology(), CorrelationConfig.defaults());
    TopologyInference inference = new TopologyInference();
    ScopeStateSerializer serializer = new ScopeStateSerializer();
    long snapshotNanos = 0;
    long writeNanos = 0;
    long bytes = 0;
    long maxBytes = 0;
    int checkpoints = 0;
    for (int i = 0; i < events.size(); i++) {
      LogEvent e = events.get(i);
      inference.observe(e);
      engine.onEvent(e);
      if ((i + 1) % 1000 == 0) {
        engine.advanceTo(e.timestamp());
      }
      if ((i + 1) % every == 0) {
        long t0 = System.nanoTime();
        CorrelationState snapshot = engine.snapshot();
        long t1 = System.nanoTime();
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        serializer.serialize(new ScopeState("default", snapshot, inference, e.timestamp()), out);
        long t2 = System.nanoTime();
        snapshotNanos += t1 - t0;
        writeNanos += t2 - t1;
        bytes += out.length();
        maxBytes = Math.max(maxBytes, out.length());
        checkpoints++;
      }
    }
    engine.close();
    System.out.printf(
        "round %d: %d checkpoints; bytes mean %,d max %,d; ms per checkpoint: snapshot %.2f,"
            + " write %.2f, total %.2f%n",
        round,
        checkpoints,
        bytes / checkpoints,
        maxBytes,
        snapshotNanos / 1e6 / checkpoints,
        writeNanos / 1e6 / checkpoints,
        (snapshotNanos + writeNanos) / 1e6 / checkpoints);
  }

  /** The folder's lines decoded and mined as the job does, in event-time order. */
  static List<LogEvent> read(Path folder) throws IOException {
    List<LogEvent> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path log : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        readFile(log, events);
      }
    }
    events.sort(Comparator.comparingLong(LogEvent::timestamp));
    return events;
  }

  private static void readFile(Path log, List<LogEvent> events) throws IOException {
    String service = ServiceNames.fromPath(log);
    LineDecoder decoder =
        new LineDecoder(new SourceContext(log.toString(), service, null, ZoneOffset.UTC, 2026, 0));
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    long n = 0;
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        LogRecord record = decoder.decode(line, ++n);
        MiningResult mined = miner.mine(record.message() == null ? "" : record.message());
        events.add(
            new LogEvent(
                record,
                record.service() + ":" + mined.templateId(),
                mined.template(),
                mined.parameters(),
                mined.created()));
      }
    }
  }
}
