package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code app.exception}: a bug in one service's own code starts firing and surges: a nil pointer
 * panic in payment's Go code, an IllegalStateException in inventory or checkout.
 */
final class NewException extends RootFault {
  private final JavaApp app;

  NewException(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.APP_EXCEPTION, root, start, logs, random);
    this.app = root.equals("payment") ? null : new JavaApp(logs, root, random);
  }

  @Override
  void rootTick(long second) {
    // The bug shows only in requests: nothing else happens on its own.
  }

  @Override
  boolean logsOnItsOwn() {
    return false;
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root) || !chance(ramp(hop.time(), 0.1, 0.6, 120_000))) {
      return Outcome.NORMAL;
    }
    long at = hop.time() + 2 + random.nextInt(30);
    Request r = hop.request();
    if (app == null) {
      int goroutine = 1000 + random.nextInt(90_000);
      logs.payment.line(
          at,
          "error",
          "middleware/recover.go:31",
          "panic recovered",
          r.traceId(),
          "error",
          "runtime error: invalid memory address or nil pointer dereference",
          "stacktrace",
          "goroutine "
              + goroutine
              + " [running]:\n"
              + "github.com/example/payment/internal/psp.(*Client).Charge(0xc0001a2000,"
              + " {0xb1c2e0, 0xc000412a80}, 0x0)\n"
              + "\t/src/internal/psp/client.go:118 +0x3a\n"
              + "github.com/example/payment/internal/handler.(*Handler).Pay(0xc00011e4b0,"
              + " {0xb1f8a8, 0xc0004a6000}, 0xc0003b2900)\n"
              + "\t/src/internal/handler/handler.go:92 +0x1f4\n"
              + "net/http.HandlerFunc.ServeHTTP(0xc000412a80?, {0xb1f8a8?, 0xc0004a6000?},"
              + " 0xc00004c000?)\n\t/usr/local/go/src/net/http/server.go:2220 +0x29");
      return Outcome.fail(at - hop.time() + 1, Failure.http(500, "{\"error\":\"internal error\"}"));
    }
    String trace =
        app.isCheckout()
            ? new JavaTrace(
                    "java.lang.IllegalStateException: Duplicate key "
                        + r.sku()
                        + " (attempted merging values 1 and "
                        + (1 + r.quantity())
                        + ")",
                    "java.base/java.util.stream.Collectors.duplicateKeyException("
                        + "Collectors.java:135)\n"
                        + "java.base/java.util.stream.Collectors.lambda$uniqKeysMapAccumulator$1"
                        + "(Collectors.java:182)\n"
                        + "com.example.checkout.CartService.linesBySku(CartService.java:71)",
                    app.tail())
                .toString()
            : new JavaTrace(
                    "java.lang.IllegalStateException: Reservation ledger out of sync for "
                        + r.sku()
                        + ": expected version "
                        + (40 + r.quantity())
                        + " but found 40",
                    "com.example.inventory.ledger.ReservationLedger.append("
                        + "ReservationLedger.java:88)",
                    app.tail())
                .toString();
    app.unhandled(at, hop, trace);
    return Outcome.fail(
        at - hop.time() + 1,
        Failure.http(500, "{\"status\":500,\"error\":\"Internal Server Error\"}"));
  }
}
