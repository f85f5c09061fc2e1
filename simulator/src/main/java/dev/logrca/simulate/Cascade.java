package dev.logrca.simulate;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A cascade through three levels: the root (PostgreSQL, Redis or payment) sits two hops below the
 * edge, and the service in between (inventory, or checkout for payment) fails with exceptions of
 * its own that do not name the root: a null pointer in a fallback, a ledger out of sync, and once
 * the failures pile up, an open circuit breaker. The edge sees only the middle's 5xx.
 */
final class Cascade implements Fault {
  /** Services two hops below the frontend, each with the service that calls it. */
  private static final List<String> DEEP = List.of("postgres", "redis", "payment");

  /** The middle opens its circuit breaker this long after its first failed call. */
  private static final long BREAKER_AFTER_MS = 15_000;

  private final Fault fault;
  private final String root;
  private final SystemLogs logs;
  private final SplittableRandom random;
  private final JavaApp middle;
  private long firstFailure = -1;
  private long nextBreakerLine;

  Cascade(Fault fault, String root, SystemLogs logs, SplittableRandom random) {
    this.fault = fault;
    this.root = root;
    this.logs = logs;
    this.random = random;
    this.middle = new JavaApp(logs, root.equals("payment") ? "checkout" : "inventory", random);
  }

  /** The scenario's roots that lie two hops below the edge. */
  static List<String> roots(Scenario scenario) {
    return scenario.roots().stream().filter(DEEP::contains).toList();
  }

  String middleService() {
    return middle.isCheckout() ? "checkout" : "inventory";
  }

  @Override
  public Optional<Truth.Fault> truth() {
    return fault.truth();
  }

  @Override
  public void tick(long second) {
    fault.tick(second);
    if (firstFailure >= 0
        && second - firstFailure >= BREAKER_AFTER_MS
        && second >= nextBreakerLine
        && !fault.silences(middleService(), second)) {
      long at = second + random.nextInt(1000);
      String breaker = middle.isCheckout() ? "paymentApi" : "stockStore";
      middle.line(
          at,
          "ERROR",
          middle.isCheckout()
              ? "http-nio-8080-exec-" + (1 + random.nextInt(10))
              : "pool-1-thread-3",
          middle.codePackage() + ".resilience.FallbackHandler",
          "Fallback failed: io.github.resilience4j.circuitbreaker.CallNotPermittedException:"
              + " CircuitBreaker '"
              + breaker
              + "' is OPEN and does not permit further calls");
      nextBreakerLine = at + 2000 + random.nextInt(4000);
    }
  }

  @Override
  public Outcome call(Hop hop) {
    Outcome outcome = fault.call(hop);
    boolean fromMiddle = hop.caller().equals(middleService()) && hop.callee().equals(root);
    boolean hurt = outcome.failed() || outcome.extraMs() >= 800;
    if (fromMiddle && hurt) {
      if (firstFailure < 0) {
        firstFailure = hop.time();
      }
      if (random.nextDouble() < 0.6) {
        long at = hop.time() + outcome.extraMs() + 1;
        middle.unhandled(at, hop, misleading(hop));
      }
    }
    return outcome;
  }

  @Override
  public boolean silences(String service, long time) {
    return fault.silences(service, time);
  }

  /** An exception the middle's own code throws while coping with the failed call. */
  private String misleading(Hop hop) {
    String pkg = middle.codePackage();
    String sku = hop.request().sku();
    boolean nullPointer = random.nextBoolean();
    if (middle.isCheckout()) {
      return nullPointer
          ? new JavaTrace(
                  "java.lang.NullPointerException: Cannot invoke \""
                      + pkg
                      + ".payment.PaymentResult.status()\" because \"result\" is null",
                  pkg + ".OrderService.confirm(OrderService.java:188)",
                  pkg + ".OrderService.placeOrder(OrderService.java:97)",
                  middle.tail())
              .toString()
          : new JavaTrace(
                  "java.lang.IllegalStateException: Order "
                      + hop.request().orderId()
                      + " is in state PENDING_PAYMENT, cannot move to CONFIRMED",
                  pkg + ".order.OrderStateMachine.transition(OrderStateMachine.java:54)",
                  pkg + ".OrderService.confirm(OrderService.java:192)",
                  middle.tail())
              .toString();
    }
    return nullPointer
        ? new JavaTrace(
                "java.lang.NullPointerException: Cannot invoke \""
                    + pkg
                    + ".StockLevel.available()\" because \"level\" is null",
                pkg + ".StockService.fallbackLevel(StockService.java:141)",
                pkg + ".StockService.stockFor(StockService.java:88)",
                middle.tail())
            .toString()
        : new JavaTrace(
                "java.lang.IllegalStateException: Reservation ledger out of sync for "
                    + sku
                    + " (expected version "
                    + (40 + random.nextInt(20))
                    + ", found stale copy)",
                pkg + ".ReservationLedger.apply(ReservationLedger.java:77)",
                pkg + ".StockService.reserve(StockService.java:119)",
                middle.tail())
            .toString();
  }
}
