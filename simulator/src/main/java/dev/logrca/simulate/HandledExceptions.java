package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * Before a bug fails requests, the code that meets it first handles it: the exception is caught,
 * logged at WARN and retried or worked around, until the path that does not catch it is reached.
 */
final class HandledExceptions extends Precursors {
  HandledExceptions(String root, SystemLogs logs, SplittableRandom random) {
    super(root, logs, random);
  }

  @Override
  boolean slows() {
    return false;
  }

  @Override
  void write(long at) {
    if (root.equals("payment")) {
      logs.payment.line(
          at,
          "warn",
          "psp/retry.go:42",
          "recovered from panic in charge attempt, retrying",
          null,
          "attempt",
          1,
          "error",
          "runtime error: invalid memory address or nil pointer dereference");
      return;
    }
    JavaApp app = app();
    String sku = sku();
    if (app.isCheckout()) {
      app.line(
          at,
          "WARN",
          requestThread(app),
          "c.e.checkout.CartService",
          "Could not merge cart lines, showing them unmerged:"
              + " java.lang.IllegalStateException: Duplicate key "
              + sku
              + " (attempted merging values 1 and 2)");
    } else {
      int expected = 41 + random.nextInt(3);
      app.line(
          at,
          "WARN",
          requestThread(app),
          "com.example.inventory.ledger.ReservationLedger",
          "Append to reservation ledger failed, retrying (attempt 1 of 3):"
              + " java.lang.IllegalStateException: Reservation ledger out of sync for "
              + sku
              + ": expected version "
              + expected
              + " but found 40");
    }
  }
}
