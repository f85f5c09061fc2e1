package dev.logrca.cli;

import java.time.Instant;

/**
 * One fault an evaluation expects the engine to find: its root service (and an acceptable
 * alternative where the truth itself is split between caller and callee), its category when the
 * fault's kind maps to one, and its time window.
 *
 * @param service the root service
 * @param alternate another service the truth accepts as root, or null
 * @param category the root-cause category id, or null when the kind maps to none
 * @param kind the fault's kind as the truth names it (a category id for simulated faults)
 * @param start the fault's first sign (simulator) or injection time (real runs)
 * @param end when the fault stopped, or null when the truth does not say
 */
record ExpectedFault(
    String service, String alternate, String category, String kind, Instant start, Instant end) {

  /** Whether {@code candidate} is the root the truth names, or its accepted alternative. */
  boolean isRoot(String candidate) {
    return service.equals(candidate) || (alternate != null && alternate.equals(candidate));
  }

  /** Whether this fault has a category to score. */
  boolean hasCategory() {
    return category != null;
  }
}
