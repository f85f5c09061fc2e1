package dev.logrca.rules.correlate;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.fact.LogFact;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Notable lines of the current second, folded by what a rule can tell apart: the first line of a
 * key becomes a {@link LogFact}, later ones only count in it and join its sample. In an error storm
 * the rule session then sees one fact per key per second, not one per line. The facts are handed to
 * the session when the second is over ({@link #drain}).
 */
final class RepeatedLines implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Everything a rule can match on, apart from the message, its ids and the exact time. */
  record Key(
      String service,
      String host,
      Level level,
      String templateId,
      boolean newTemplate,
      Set<String> signals,
      String target,
      String dependency,
      boolean dependencyKnown)
      implements Serializable {}

  final LinkedHashMap<Key, LogFact> open = new LinkedHashMap<>();
  long second = Long.MIN_VALUE;

  /** True when {@code time} falls in a later second than the open facts: drain them first. */
  boolean secondOver(long time) {
    return !open.isEmpty() && Math.floorDiv(time, 1000L) != second;
  }

  /**
   * Folds {@code event} into the open fact of its key, or opens one with {@code create}. The caller
   * drains first when {@link #secondOver} says so.
   */
  void add(
      LogEvent event,
      Set<String> signals,
      String target,
      String dependency,
      boolean known,
      java.util.function.Supplier<LogFact> create) {
    Key key =
        new Key(
            event.service(),
            event.record().host(),
            event.level(),
            event.templateId(),
            event.newTemplate(),
            signals,
            target,
            dependency,
            dependency != null && known);
    LogFact fact = open.get(key);
    if (fact != null) {
      fact.fold(event);
      return;
    }
    second = Math.floorDiv(event.timestamp(), 1000L);
    open.put(key, create.get());
  }

  /** The open facts, in the order their keys first came, and forgets them. */
  List<LogFact> drain() {
    List<LogFact> facts = new ArrayList<>(open.values());
    open.clear();
    return facts;
  }

  /** How many facts are open. */
  int size() {
    return open.size();
  }
}
