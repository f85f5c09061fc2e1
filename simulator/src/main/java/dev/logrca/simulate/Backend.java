package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * The shop's backend behind the frontend: checkout orchestrates, inventory keeps stock in Redis and
 * PostgreSQL, payment charges a card. Each consults the fault before every call it makes, and
 * writes what a real service writes.
 */
final class Backend {
  static final long CHECKOUT_READ_TIMEOUT_MS = 10_000;

  private final SystemLogs logs;
  private final Fault fault;
  private final SplittableRandom random;
  private final CallErrors errors;
  private final Inventory inventory;
  private final Payment payment;

  Backend(SystemLogs logs, Fault fault, SplittableRandom random) {
    this.logs = logs;
    this.fault = fault;
    this.random = random;
    this.errors = new CallErrors(logs, random);
    Datastores datastores = new Datastores(logs, fault, random, errors);
    this.inventory = new Inventory(logs, random, errors, datastores);
    this.payment = new Payment(logs, random, datastores);
  }

  /** Checkout: adds to cart (stock lookup) or places an order (reserve stock, then pay). */
  Reply checkout(Request r, long t, long extraMs) {
    String thread = "http-nio-8080-exec-" + (1 + random.nextInt(10));
    long now = t + 1 + random.nextInt(3) + extraMs;
    return r.kind() == Request.Kind.CART
        ? addToCart(r, now, thread)
        : placeOrder(r, t, now, thread);
  }

  /** Inventory, as the frontend calls it for a product page. */
  Reply inventory(Request r, long t, long extraMs) {
    return inventory.serve(r, t, extraMs, false);
  }

  private Reply addToCart(Request r, long now, String thread) {
    String trace = " traceId=" + r.traceId();
    Reply stock = http("checkout", "inventory", now, r, "GET /api/stock/" + r.sku(), thread);
    if (stock.failed()) {
      return Reply.failed(stock.failure(), stock.end() + 1);
    }
    now = stock.end() + 1 + random.nextInt(3);
    logs.checkout.line(
        now++,
        "INFO",
        thread,
        "c.e.checkout.CartController",
        r.sku() + " in stock, updating cart " + r.orderId() % 100_000 + trace);
    logs.checkout.line(
        now,
        "INFO",
        thread,
        "c.e.checkout.CartController",
        "Added " + r.quantity() + " x " + r.sku() + " to cart " + r.orderId() % 100_000 + trace);
    return Reply.ok(200, now + 1);
  }

  private Reply placeOrder(Request r, long t, long now, String thread) {
    String trace = " traceId=" + r.traceId();
    logs.checkout.line(
        now,
        "INFO",
        thread,
        "c.e.checkout.OrderService",
        "Placing order "
            + r.orderId()
            + " ("
            + r.quantity()
            + " items, "
            + r.amount()
            + " EUR)"
            + trace);
    Reply reserved =
        http("checkout", "inventory", now + 1, r, "POST /api/stock/reservations", thread);
    if (reserved.failed()) {
      return Reply.failed(reserved.failure(), reserved.end() + 1);
    }
    logs.checkout.line(
        reserved.end() + 1,
        "INFO",
        thread,
        "c.e.checkout.OrderService",
        "Stock reserved for order " + r.orderId() + trace);
    Reply paid = http("checkout", "payment", reserved.end() + 2, r, "POST /api/payments", thread);
    if (paid.failed()) {
      return Reply.failed(paid.failure(), paid.end() + 1);
    }
    now = paid.end() + 1 + random.nextInt(4);
    if (paid.status() == 402) {
      logs.checkout.line(
          now,
          "WARN",
          thread,
          "c.e.checkout.OrderService",
          "Payment declined for order " + r.orderId() + ", releasing reservation" + trace);
      return Reply.ok(402, now + 1);
    }
    logs.checkout.line(
        now - 1,
        "INFO",
        thread,
        "c.e.checkout.OrderService",
        "Payment authorized for order " + r.orderId() + trace);
    logs.checkout.line(
        now,
        "INFO",
        thread,
        "c.e.checkout.OrderService",
        "Order " + r.orderId() + " placed in " + (now - t) + " ms" + trace);
    return Reply.ok(201, now + 1);
  }

  /** An HTTP call from a Spring service, with RestTemplate's read timeout. */
  private Reply http(String caller, String callee, long t, Request r, String path, String thread) {
    Outcome outcome = fault.call(new Hop(caller, callee, t, r, path));
    Reply reply;
    if (outcome.failed()) {
      reply = new Reply(outcome.failure().status(), t + outcome.extraMs(), outcome.failure());
    } else if (callee.equals("payment")) {
      reply = payment.serve(r, t + 1, outcome.extraMs());
    } else {
      reply = inventory.serve(r, t + 1, outcome.extraMs(), path.startsWith("POST"));
    }
    if (reply.end() - t > CHECKOUT_READ_TIMEOUT_MS) {
      reply = new Reply(504, t + CHECKOUT_READ_TIMEOUT_MS, Failure.of(Failure.Kind.TIMEOUT));
    }
    if (reply.failed()) {
      errors.checkoutCall(reply.end(), thread, r, callee, path, reply.failure());
    }
    return reply;
  }
}
