package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A fault rooted in one service from a start time on. Subclasses write the root's own lines from
 * {@link #rootTick} and shape the calls that touch the root; nothing happens before the start.
 */
abstract class RootFault implements Fault {
  /** Callers' symptoms trail the root's first sign by about this much. */
  static final long SYMPTOM_DELAY_MS = 1500;

  final String root;
  final long start;
  final SystemLogs logs;
  final SplittableRandom random;
  private final Category category;
  private long affectedCalls;

  RootFault(Category category, String root, long start, SystemLogs logs, SplittableRandom random) {
    this.category = category;
    this.root = root;
    // the simulator ticks whole seconds and a root writes its first lines in the second it starts
    // (a datastore's shutdown, a release's start-up), so a start inside a second would lose them
    this.start = Math.floorDiv(start + 999, 1000) * 1000;
    this.logs = logs;
    this.random = random;
  }

  @Override
  public Optional<Truth.Fault> truth() {
    return Optional.of(new Truth.Fault(root, category.id(), Instant.ofEpochMilli(start)));
  }

  @Override
  public final void tick(long second) {
    if (second >= start) {
      rootTick(second);
    }
  }

  @Override
  public final Outcome call(Hop hop) {
    Outcome outcome = hop.time() < start + SYMPTOM_DELAY_MS ? Outcome.NORMAL : affect(hop);
    if (!outcome.equals(Outcome.NORMAL)) {
      affectedCalls++;
    }
    return outcome;
  }

  @Override
  public final boolean leftATrace() {
    return affectedCalls > 0 || logsOnItsOwn();
  }

  /** Whether the root writes lines of its own from {@link #rootTick}, whatever calls it gets. */
  boolean logsOnItsOwn() {
    return true;
  }

  /** The root's own lines in the second starting at {@code second} (at or after the start). */
  abstract void rootTick(long second);

  /** What the fault does to {@code hop}, once symptoms have begun. */
  abstract Outcome affect(Hop hop);

  /** Milliseconds since the start. */
  long elapsed(long time) {
    return time - start;
  }

  /** A random moment in the second starting at {@code second}. */
  long within(long second) {
    return second + random.nextInt(1000);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Rises linearly from {@code from} to {@code to} over {@code rampMs} after the start. */
  double ramp(long time, double from, double to, long rampMs) {
    double f = Math.min(1.0, Math.max(0.0, (double) elapsed(time) / rampMs));
    return from + (to - from) * f;
  }
}
