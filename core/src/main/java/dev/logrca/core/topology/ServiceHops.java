package dev.logrca.core.topology;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the traces showed of one service in one window: the gaps before its lines when a request
 * came in from another service (entries), after them when the request went on to another service
 * (exits), and between its own consecutive lines in a trace (its own work, or waits on callees that
 * log nothing); its callers; and the lines that came in after the slowest entries, as examples.
 */
public final class ServiceHops implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Callers remembered per window; more only says "many". */
  static final int MAX_CALLERS = 32;

  /** Slowest entries kept as examples. */
  static final int MAX_EXAMPLES = 3;

  /** The line a request reached the service with, after waiting {@code gapMillis}. */
  public record SlowEntry(long gapMillis, String caller, String traceId, Evidence line)
      implements Serializable {}

  private static final Comparator<SlowEntry> SLOWEST_FIRST =
      Comparator.comparingLong((SlowEntry e) -> -e.gapMillis())
          .thenComparingLong(e -> e.line().timestamp())
          .thenComparing(SlowEntry::traceId);

  private final GapSketch entries = new GapSketch();
  private final GapSketch exits = new GapSketch();
  private final GapSketch work = new GapSketch();
  private final TreeSet<String> callers = new TreeSet<>();
  private final ArrayList<SlowEntry> slowest = new ArrayList<>();

  /** A request came in from {@code caller} after {@code gapMillis}, with {@code line}. */
  public void entered(String caller, long gapMillis, String traceId, LogEvent line) {
    entries.add(gapMillis);
    if (callers.size() < MAX_CALLERS) {
      callers.add(caller);
    }
    long gap = Math.max(0, gapMillis);
    // most hops are not among the slowest: no evidence is built for them
    if (slowest.size() < MAX_EXAMPLES || gap > slowest.get(slowest.size() - 1).gapMillis()) {
      addExample(new SlowEntry(gap, caller, traceId, line.toEvidence()));
    }
  }

  /** A request went on to another service {@code gapMillis} after this one's last line. */
  public void left(long gapMillis) {
    exits.add(gapMillis);
  }

  /** Two consecutive lines of this service in one trace, {@code gapMillis} apart. */
  public void worked(long gapMillis) {
    work.add(gapMillis);
  }

  /** Puts back an example as it was checkpointed. */
  public void addExample(SlowEntry example) {
    slowest.add(example);
    slowest.sort(SLOWEST_FIRST);
    if (slowest.size() > MAX_EXAMPLES) {
      slowest.remove(slowest.size() - 1);
    }
  }

  /** Puts back a caller as it was checkpointed. */
  public void addCaller(String caller) {
    callers.add(caller);
  }

  public GapSketch entries() {
    return entries;
  }

  public GapSketch exits() {
    return exits;
  }

  public GapSketch work() {
    return work;
  }

  public Set<String> callers() {
    return Collections.unmodifiableSet(callers);
  }

  /** The slowest entries, slowest first. */
  public List<SlowEntry> slowest() {
    return List.copyOf(slowest);
  }
}
