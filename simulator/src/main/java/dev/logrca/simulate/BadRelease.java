package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code deploy.bad_release}: a Java service is redeployed with a new version and, right after it
 * starts, a good share of its requests die with a NullPointerException.
 */
final class BadRelease extends RootFault {
  private final JavaApp app;
  private long ready = Long.MAX_VALUE;
  private long down = Long.MAX_VALUE;
  private long errorsFrom;

  BadRelease(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.DEPLOY_BAD_RELEASE, root, start, logs, random);
    this.app = new JavaApp(logs, root, random);
    this.errorsFrom = start;
  }

  /**
   * The same release whose requests fail only from {@code errorsFrom} on: the broken code path is
   * reached later (a cache expires, a scheduled job runs), the release's own warnings come first.
   */
  BadRelease failingFrom(long errorsFrom) {
    this.errorsFrom = errorsFrom;
    return this;
  }

  /** When the new version is ready to serve; unknown (the far future) before the release. */
  long ready() {
    return ready;
  }

  @Override
  void rootTick(long second) {
    if (second == start) {
      down = app.gracefulShutdown(start);
      ready = app.startup(down + 900, app.isCheckout() ? "2.4.1" : "3.2.0", 4.2);
    }
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    if (hop.time() >= down && hop.time() < ready) {
      return Outcome.fail(1, Failure.of(Failure.Kind.REFUSED));
    }
    if (hop.time() < Math.max(ready, errorsFrom) || !chance(0.45)) {
      return Outcome.NORMAL;
    }
    String npe =
        app.isCheckout()
            ? "java.lang.NullPointerException: Cannot invoke"
                + " \"com.example.checkout.model.Address.getCountry()\" because the return value"
                + " of \"com.example.checkout.model.Order.getShippingAddress()\" is null"
            : "java.lang.NullPointerException: Cannot invoke \"java.lang.Integer.intValue()\""
                + " because the return value of"
                + " \"com.example.inventory.model.StockLevel.getReserved()\" is null";
    String frame =
        app.isCheckout()
            ? "com.example.checkout.TaxCalculator.rateFor(TaxCalculator.java:29)"
            : "com.example.inventory.StockLevels.free(StockLevels.java:44)";
    long at = hop.time() + 3 + random.nextInt(20);
    app.unhandled(at, hop, new JavaTrace(npe, frame, app.tail()).toString());
    return Outcome.fail(
        at - hop.time() + 1,
        Failure.http(500, "{\"status\":500,\"error\":\"Internal Server Error\"}"));
  }

  @Override
  public boolean silences(String service, long time) {
    return service.equals(root) && time >= down && time < ready;
  }
}
