package dev.logrca.simulate;

import java.util.List;
import java.util.Optional;

/**
 * An injected fault: the lines its root writes on its own, and what it does to the calls of
 * requests passing through. Implementations write their root's lines; callers' symptoms follow from
 * the outcomes they return.
 */
interface Fault {
  /** The truth about this fault; empty for a fault-free run. */
  Optional<Truth.Fault> truth();

  /** Every fault injected, in order of start; a composite of two faults lists both. */
  default List<Truth.Fault> truths() {
    return truth().stream().toList();
  }

  /** Writes the root's own lines for the second starting at {@code second} (epoch millis). */
  void tick(long second);

  /**
   * Whether the fault left any trace in the logs: a fault whose root only fails the requests that
   * reach it, when another fault stops every request before it, leaves none, and no log-based
   * engine could name it.
   */
  default boolean leftATrace() {
    return true;
  }

  /** What happens to {@code hop}; may write the root's lines about that request. */
  Outcome call(Hop hop);

  /** True when {@code service} writes nothing at {@code time}: it is down or stuck. */
  default boolean silences(String service, long time) {
    return false;
  }
}
