package dev.logrca.rules.correlate;

import dev.logrca.core.decode.Continuation;
import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Folds the continuation lines of a multi-line event (a Java or Python stack trace, the exception
 * header a logger prints after its message, {@code Caused by:}, {@code ... 12 more}) into the line
 * that started it, so that a trace is judged as one event: its signatures and the peer it names
 * come from every part of it, and its evidence is the line that started it. Lines are held per
 * source until the next line of the same source shows the event is complete.
 */
final class StackTraceFolder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Stack frames name code, not failures: their words must not become signatures. */
  private static final Pattern FRAME =
      Pattern.compile("^\\s+at\\s|^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)");

  /** Fields of a structured line that say what went wrong (its stack frames name only code). */
  private static final Pattern ERROR_FIELD =
      Pattern.compile("(?i)(?:err|error|exception)(?:[._-](?!stack)\\w+)*");

  /** A runaway "trace" (a file of indented text, say) stops folding after this many lines. */
  private static final int MAX_LINES = 200;

  final TreeMap<String, Pending> pending = new TreeMap<>();

  /** True for a structured line's field that says what went wrong ({@code error.message}). */
  static boolean isErrorField(String key) {
    return ERROR_FIELD.matcher(key).matches();
  }

  /** An event and the text of its continuation lines so far. */
  static final class Pending implements Serializable {
    private static final long serialVersionUID = 1L;

    final LogEvent head;

    /** The signatures of the head's message when they came with it, else null. */
    final TreeSet<String> signals;

    final ArrayList<String> details = new ArrayList<>();
    int lines = 1;

    Pending(LogEvent head, Set<String> signals) {
      this.head = head;
      this.signals = signals == null ? null : new TreeSet<>(signals);
    }

    /**
     * The head's message, the error fields of a structured line (zap's {@code error}, pino's {@code
     * err.message}, ECS {@code error.message}) and every continuation line that is not a bare stack
     * frame.
     */
    String text() {
      StringBuilder text = new StringBuilder(head.message() == null ? "" : head.message());
      new java.util.TreeMap<>(head.record().attributes())
          .forEach(
              (key, value) -> {
                if (ERROR_FIELD.matcher(key).matches() && value != null) {
                  text.append('\n').append(value);
                }
              });
      details.forEach(d -> text.append('\n').append(d));
      return text.toString();
    }

    /** True when the text has more than the head's message. */
    boolean hasMore() {
      return !details.isEmpty()
          || head.record().attributes().keySet().stream()
              .anyMatch(k -> ERROR_FIELD.matcher(k).matches());
    }
  }

  /** True when {@code event} continues the event held for its source; it is then absorbed. */
  boolean absorb(LogEvent event) {
    Pending open = pending.get(event.record().source());
    if (open == null || open.lines >= MAX_LINES || !Continuation.of(event.record())) {
      return false;
    }
    open.lines++;
    if (!FRAME.matcher(event.message()).find()) {
      open.details.add(event.message().strip());
    }
    return true;
  }

  /**
   * Holds {@code event} (with the signatures of its message, or null when not looked for) as the
   * start of a possibly multi-line event; returns what it completes.
   */
  Pending hold(LogEvent event, Set<String> signals) {
    return pending.put(event.record().source(), new Pending(event, signals));
  }

  /** Removes and returns, oldest first, the held events that started before {@code time}. */
  List<Pending> takeBefore(long time) {
    List<Pending> done = new ArrayList<>();
    for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Pending p = it.next().getValue();
      if (p.head.timestamp() < time) {
        done.add(p);
        it.remove();
      }
    }
    done.sort(java.util.Comparator.comparingLong(p -> p.head.timestamp()));
    return done;
  }
}
