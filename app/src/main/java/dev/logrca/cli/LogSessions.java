package dev.logrca.cli;

import dev.logrca.core.decode.HeaderFormat;
import dev.logrca.core.decode.LineDecoder;
import dev.logrca.core.decode.SourceContext;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionKeys;
import dev.logrca.core.detect.session.Sessionizer;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.TemplateMiner;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One log file read into sessions: each line decoded, its template mined (one miner per service),
 * grouped by its session key and closed by inactivity; lines without a key are counted and left
 * out. Templates are named by their final id, after every merge the miner made.
 */
final class LogSessions {
  /** A mined line waiting for its template's final id. */
  private record Pending(
      String key, long timestamp, String service, int templateId, String text, Level level) {}

  /** Sessions that closed by inactivity before the log ended. */
  final List<Session> sessions = new ArrayList<>();

  /**
   * Sessions still active when the log ended (a line within the gap of its last line): a live run
   * would not judge them yet, since they may go on.
   */
  final List<Session> openAtEnd = new ArrayList<>();

  /** Keys of sessions holding at least one line whose first token is not {@code -} (Loghub). */
  final Set<String> alerted = new HashSet<>();

  /**
   * The gap that never closes a session within a log: a key is one session over the whole log. Half
   * of the long range, so that event time minus it cannot overflow.
   */
  static final long WHOLE_LOG = Long.MAX_VALUE / 2;

  long lines;
  long linesWithoutKey;

  /** Keys whose lines were split into more than one session by the inactivity gap. */
  long splitKeys() {
    Map<String, Integer> perKey = new HashMap<>();
    sessions.forEach(s -> perKey.merge(s.key(), 1, Integer::sum));
    openAtEnd.forEach(s -> perKey.merge(s.key(), 1, Integer::sum));
    return perKey.values().stream().filter(n -> n > 1).count();
  }

  private LogSessions() {}

  static LogSessions read(Path log, HeaderFormat format, SessionKeys keys, long idleMs)
      throws IOException {
    LogSessions result = new LogSessions();
    String service = log.getFileName().toString().replaceFirst("\\..*$", "");
    LineDecoder decoder =
        new LineDecoder(
            new SourceContext(log.toString(), service, format, ZoneOffset.UTC, 2026, 0));
    Map<String, TemplateMiner> miners = new HashMap<>();
    List<Pending> pending = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        LogRecord record = decoder.decode(line, ++result.lines);
        String key = keys.keyOf(record);
        if (key == null) {
          result.linesWithoutKey++;
          continue;
        }
        if (!line.startsWith("-")) {
          result.alerted.add(key);
        }
        TemplateMiner miner =
            miners.computeIfAbsent(
                record.service(), s -> new TemplateMiner(MinerConfig.defaults()));
        int id = miner.mine(record.message() == null ? "" : record.message()).templateId();
        pending.add(
            new Pending(
                key, record.timestamp(), record.service(), id, record.message(), record.level()));
      }
    }
    Sessionizer sessionizer = new Sessionizer(idleMs);
    for (Pending p : pending) {
      String template = p.service() + ":" + miners.get(p.service()).resolve(p.templateId());
      SessionEvent event =
          new SessionEvent(p.timestamp(), p.service(), template, p.text(), null, p.level());
      result.sessions.addAll(sessionizer.add(p.key(), event));
    }
    long last = pending.stream().mapToLong(Pending::timestamp).max().orElse(0);
    for (Session s : sessionizer.closeAll()) {
      boolean open = idleMs != WHOLE_LOG && s.end() >= last - idleMs;
      (open ? result.openAtEnd : result.sessions).add(s);
    }
    return result;
  }
}
