package dev.logrca.core.template.bench;

import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.LineReader;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.template.LoghubCorpus;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.TemplateMiner;
import dev.logrca.simulate.Scenario;
import dev.logrca.simulate.SimulationConfig;
import dev.logrca.simulate.SimulationResult;
import dev.logrca.simulate.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The messages a benchmark mines, in the order a streaming job would see them, each with the index
 * of the miner it goes to (one miner per Loghub system or per simulated service, as the job keys
 * its miners by service).
 *
 * @param messages the message text of each line
 * @param minerOf for each line, which of the {@code miners} mines it
 * @param miners how many miners the corpus needs
 */
public record MiningCorpus(String[] messages, int[] minerOf, int miners) {
  /** Every corpus has exactly this many lines, so that one invocation is a fixed batch. */
  static final int LINES = 16_000;

  private static final int MAX_LINE_BYTES = 1 << 20;

  public static MiningCorpus named(String name) throws IOException {
    return switch (name) {
      case "loghub" -> loghub();
      case "simulator" -> simulator();
      default -> throw new IllegalArgumentException("unknown corpus " + name);
    };
  }

  /** The Content column of the eight Loghub-2k systems, one system after the other. */
  static MiningCorpus loghub() {
    List<String> messages = new ArrayList<>();
    List<Integer> miners = new ArrayList<>();
    for (int s = 0; s < LoghubCorpus.SYSTEMS.size(); s++) {
      for (LoghubCorpus.Line line : LoghubCorpus.lines(LoghubCorpus.SYSTEMS.get(s))) {
        messages.add(line.content());
        miners.add(s);
      }
    }
    return of(messages, miners, LoghubCorpus.SYSTEMS.size());
  }

  /**
   * Ten simulated minutes of the web shop with a database outage (fixed seed), decoded as the job
   * decodes them; the first {@link #LINES} lines in event time, each service with its own miner.
   */
  static MiningCorpus simulator() throws IOException {
    Path dir = Files.createTempDirectory("logrca-bench");
    try {
      SimulationResult result =
          new Simulator(SimulationConfig.of(Scenario.DEPENDENCY_DOWN, 7)).run(dir);
      List<LogRecord> records = new ArrayList<>();
      for (Path file : result.logFiles()) {
        records.addAll(decode(file));
      }
      records.sort(Comparator.comparingLong(LogRecord::timestamp)); // stable: file order in a tie
      Map<String, Integer> services = new HashMap<>();
      List<String> messages = new ArrayList<>();
      List<Integer> miners = new ArrayList<>();
      for (LogRecord record : records.subList(0, Math.min(LINES, records.size()))) {
        messages.add(record.message());
        miners.add(services.computeIfAbsent(record.service(), s -> services.size()));
      }
      return of(messages, miners, services.size());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  private static List<LogRecord> decode(Path file) throws IOException {
    String service = file.getFileName().toString().replaceFirst("\\.log$", "");
    LineDecoder decoder =
        new LineDecoder(
            new SourceContext(file.toString(), service, null, ZoneOffset.UTC, 2026, 0L));
    List<LogRecord> records = new ArrayList<>();
    try (LineReader reader = LineReader.open(file, 0, MAX_LINE_BYTES)) {
      long lineNo = 1;
      for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
        records.add(decoder.decode(line.text(), lineNo++, line.flags()));
      }
    }
    return records;
  }

  private static MiningCorpus of(List<String> messages, List<Integer> miners, int minerCount) {
    if (messages.size() != LINES) {
      throw new IllegalStateException(
          "a corpus must have " + LINES + " lines, this one has " + messages.size());
    }
    int[] minerOf = miners.stream().mapToInt(Integer::intValue).toArray();
    return new MiningCorpus(messages.toArray(new String[0]), minerOf, minerCount);
  }

  /** Each message's characters, kept so that a benchmark can make a fresh string of it. */
  static char[][] chars(String[] messages) {
    char[][] chars = new char[messages.length][];
    for (int i = 0; i < messages.length; i++) {
      chars[i] = messages[i].toCharArray();
    }
    return chars;
  }

  /** Fresh miners with the default configuration, one per key. */
  public TemplateMiner[] newMiners() {
    TemplateMiner[] result = new TemplateMiner[miners];
    for (int i = 0; i < miners; i++) {
      result[i] = new TemplateMiner(MinerConfig.defaults());
    }
    return result;
  }
}
