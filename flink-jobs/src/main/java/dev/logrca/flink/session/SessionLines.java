package dev.logrca.flink.session;

import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionKeys;
import dev.logrca.core.model.LogEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads each event's session key ({@link SessionKeys}: an operator's pattern, else the trace id or
 * one of the usual shapes) and passes on the lines that belong to a session; the others have no
 * trace to judge and stop here. Stateless, chained to the miner.
 */
public final class SessionLines extends ProcessFunction<LogEvent, SessionLine> {
  private static final long serialVersionUID = 1L;

  private final String keyPattern;
  private transient SessionKeys keys;

  /** {@code keyPattern} is an operator's pattern, or null for the usual keys. */
  public SessionLines(String keyPattern) {
    this.keyPattern = keyPattern;
  }

  @Override
  public void open(OpenContext context) {
    keys = keyPattern == null ? SessionKeys.usual() : SessionKeys.matching(keyPattern);
  }

  @Override
  public void processElement(LogEvent event, Context ctx, Collector<SessionLine> out) {
    if (event.templateId() == null) {
      return; // a line kept raw has no template to count
    }
    String key = keys.keyOf(event.record());
    if (key != null) {
      out.collect(
          SessionLine.of(
              key,
              new SessionEvent(
                  event.timestamp(),
                  event.service(),
                  event.templateId(),
                  event.message(),
                  event.eventId(),
                  event.level())));
    }
  }
}
