package dev.logrca.simulate;

/**
 * What a fault does to one call: nothing, extra latency, or a failure (after {@code extraMs}).
 *
 * @param extraMs added to the call's normal duration
 * @param failure null when the call succeeds
 */
record Outcome(long extraMs, Failure failure) {
  static final Outcome NORMAL = new Outcome(0, null);

  static Outcome slow(long extraMs) {
    return new Outcome(extraMs, null);
  }

  static Outcome fail(Failure failure) {
    return new Outcome(0, failure);
  }

  static Outcome fail(long afterMs, Failure failure) {
    return new Outcome(afterMs, failure);
  }

  boolean failed() {
    return failure != null;
  }
}
