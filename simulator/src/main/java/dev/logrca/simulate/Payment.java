package dev.logrca.simulate;

import java.util.SplittableRandom;

/** The payment service: charges the card at the provider, then stores the payment. */
final class Payment {
  private final SystemLogs logs;
  private final SplittableRandom random;
  private final Datastores datastores;

  Payment(SystemLogs logs, SplittableRandom random, Datastores datastores) {
    this.logs = logs;
    this.random = random;
    this.datastores = datastores;
  }

  /** Payment: charges the card at the provider, then stores the payment. */
  Reply serve(Request r, long t, long extraMs) {
    long now = t + 1 + random.nextInt(2);
    logs.payment.line(
        now,
        "info",
        "payment/handler.go:88",
        "charging card",
        r.traceId(),
        "order_id",
        r.orderId(),
        "amount",
        r.amount(),
        "currency",
        "EUR");
    now += 40 + random.nextInt(220) + extraMs;
    if (random.nextInt(50) == 0) {
      logs.payment.line(
          now,
          "info",
          "payment/handler.go:97",
          "payment declined",
          r.traceId(),
          "order_id",
          r.orderId(),
          "reason",
          "insufficient_funds");
      return Reply.ok(402, now + 1);
    }
    logs.payment.line(
        now,
        "info",
        "psp/client.go:97",
        "provider approved charge",
        r.traceId(),
        "order_id",
        r.orderId(),
        "psp_txn",
        "ch_" + Long.toString(r.orderId() * 7919 + 13, 36));
    String sql =
        "INSERT INTO payments (order_id, amount_cents, currency, status) VALUES ($1, $2, $3, $4)";
    long end = datastores.postgres(now, "payment", null, r, sql);
    if (end < 0) {
      return Reply.failed(Failure.of(Failure.Kind.REFUSED), -end + 1);
    }
    logs.payment.line(
        end + 1,
        "info",
        "payment/handler.go:112",
        "payment authorized",
        r.traceId(),
        "order_id",
        r.orderId(),
        "amount",
        r.amount(),
        "duration_ms",
        end + 1 - t);
    return Reply.ok(201, end + 2);
  }
}
