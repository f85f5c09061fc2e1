package dev.logrca.cli;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionKeys;
import dev.logrca.core.detect.session.Sessionizer;
import dev.logrca.core.model.LogEvent;
import dev.logrca.index.EventReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sessions of the events a run indexed under {@code --data}, within a time window. */
final class ModelSessions {
  private ModelSessions() {}

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
              e.record().timestamp(), e.record().service(), e.templateId(), e.record().message());
      sessions.addAll(sessionizer.add(key, event));
    }
    sessions.addAll(sessionizer.closeAll());
    return sessions;
  }
}
