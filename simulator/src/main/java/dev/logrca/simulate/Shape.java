package dev.logrca.simulate;

import java.util.Arrays;
import java.util.List;

/**
 * How the injected fault shows itself, beyond its scenario: plain, or one of the harder shapes an
 * engine meets in production (a cascade through three levels, two faults close together, a noisy
 * neighbour, warnings long before the first error).
 */
public enum Shape {
  /** One fault as its scenario writes it. */
  PLAIN("plain"),
  /**
   * The root is a datastore or payment, two hops below the edge; the service in between fails with
   * its own, misleading exceptions (null pointers, a ledger out of sync, an open circuit breaker).
   */
  CASCADE3("cascade3"),
  /** A second, independent fault of another category in another service, 45 to 120 s later. */
  TWO_FAULTS("two-faults"),
  /** A service unrelated to the fault logs errors with exceptions all run long. */
  NOISY_NEIGHBOUR("noisy-neighbour"),
  /**
   * For 40 to 70 s the root writes only the warnings that come before its kind of fault (slow
   * queries before an outage, a failing WAL archive before a full disk, a certificate about to
   * expire); a bad release is deployed first and warns before its errors.
   */
  WARNINGS_FIRST("warnings-first");

  private final String id;

  Shape(String id) {
    this.id = id;
  }

  /** The name used on the command line. */
  public String id() {
    return id;
  }

  /** Throws if {@code scenario} cannot take this shape (only noisy-neighbour suits none). */
  void check(Scenario scenario) {
    if (this == PLAIN || this == NOISY_NEIGHBOUR) {
      return;
    }
    if (scenario == Scenario.NONE) {
      throw new IllegalArgumentException("shape " + id + " needs a fault; scenario none has none");
    }
    if (this == CASCADE3 && Cascade.roots(scenario).isEmpty()) {
      throw new IllegalArgumentException(
          "shape cascade3 needs a root two hops below the edge (postgres, redis or payment);"
              + " scenario "
              + scenario.id()
              + " has only "
              + String.join(", ", scenario.roots()));
    }
  }

  /** The shape named {@code id}; the exception lists the valid names. */
  public static Shape fromId(String id) {
    return Arrays.stream(values())
        .filter(s -> s.id.equals(id))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown shape '" + id + "'; valid: " + String.join(", ", ids())));
  }

  /** Every shape name, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Shape::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
