package dev.logrca.cli;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionKeys;
import dev.logrca.core.detect.session.Sessionizer;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.EventReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The sessions of the events a run indexed under {@code --data}, within a time window: the options
 * that {@code model train} and {@code model eval} share, and the reading behind them.
 */
final class ModelSessions {
  @Option(names = "--from", description = "Earliest event time, ISO-8601 (default: the first).")
  Instant from;

  @Option(names = "--until", description = "Event time to stop before, ISO-8601 (default: none).")
  Instant until;

  @Option(names = "--session", paramLabel = "REGEX", description = "Session key pattern.")
  String session;

  @Option(names = "--idle", defaultValue = "PT30M", description = "Inactivity closing a session.")
  Duration idle;

  /** The sessions of the options' window; a bad {@code --session} pattern is a usage error. */
  List<Session> read(CommandSpec spec, Path data) throws IOException {
    SessionKeys keys;
    try {
      keys = session == null ? SessionKeys.usual() : SessionKeys.matching(session);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--session: " + e.getMessage());
    }
    return read(data, from, until, keys, idle.toMillis());
  }

  /** Sessions by {@code keys}, closed after {@code idleMs} of quiet or at the window's end. */
  static List<Session> read(Path data, Instant from, Instant until, SessionKeys keys, long idleMs)
      throws IOException {
    long start = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    long end = until == null ? Long.MAX_VALUE : until.toEpochMilli();
    Sessionizer sessionizer = new Sessionizer(idleMs);
    List<Session> sessions = new ArrayList<>();
    for (LogEvent e : EventReader.read(data, start, end)) {
      String key = keys.keyOf(e.record());
      if (key == null || e.templateId() == null) {
        continue;
      }
      SessionEvent event =
          new SessionEvent(
              e.record().timestamp(),
              e.record().service(),
              e.templateId(),
              e.record().message(),
              e.eventId(),
              e.level());
      sessions.addAll(sessionizer.add(key, event));
    }
    sessions.addAll(sessionizer.closeAll());
    return sessions;
  }
}
