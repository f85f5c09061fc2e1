package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * What a bad release warns about once it runs and before its broken code path fails requests: the
 * missing value the new code will later dereference is first met where it is handled, and logged
 * with a fallback. Before the release the old version has nothing to warn about.
 */
final class ReleaseWarnings extends Precursors {
  private final BadRelease release;

  ReleaseWarnings(BadRelease release, String root, SystemLogs logs, SplittableRandom random) {
    super(root, logs, random);
    this.release = release;
  }

  @Override
  boolean speaksAt(long at) {
    return at > release.ready();
  }

  @Override
  boolean slows() {
    return false;
  }

  @Override
  void write(long at) {
    JavaApp app = app();
    if (app.isCheckout()) {
      app.line(
          at,
          "WARN",
          requestThread(app),
          "c.e.checkout.TaxCalculator",
          "Order "
              + (100_000 + random.nextInt(900_000))
              + " has no shipping address; using the default tax rate for DE");
    } else {
      app.line(
          at,
          "WARN",
          requestThread(app),
          "com.example.inventory.StockLevels",
          "Stock level of " + sku() + " has no reserved count; treating it as 0");
    }
  }
}
