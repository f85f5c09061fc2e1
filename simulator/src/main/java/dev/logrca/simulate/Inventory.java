package dev.logrca.simulate;

import java.util.SplittableRandom;

/** The inventory service: stock lookups (Redis first) and reservations (a Redis lock, then SQL). */
final class Inventory {
  private static final String LOGGER = "com.example.inventory.StockService";

  private final SystemLogs logs;
  private final SplittableRandom random;
  private final CallErrors errors;
  private final Datastores datastores;

  Inventory(SystemLogs logs, SplittableRandom random, CallErrors errors, Datastores datastores) {
    this.logs = logs;
    this.random = random;
    this.errors = errors;
    this.datastores = datastores;
  }

  /** Inventory: a stock lookup (cache first) or a reservation (Redis lock, then SQL update). */
  Reply serve(Request r, long t, long extraMs, boolean reserve) {
    String thread = "pool-1-thread-" + (1 + random.nextInt(8));
    long now = t + 1 + random.nextInt(3) + extraMs;
    return reserve ? reserve(r, t, now, thread) : lookup(r, now, thread);
  }

  private Reply reserve(Request r, long t, long now, String thread) {
    String trace = " traceId=" + r.traceId();
    logs.inventory.line(
        now,
        "INFO",
        thread,
        LOGGER,
        "Reserving " + r.quantity() + " x " + r.sku() + " for order " + r.orderId() + trace);
    String lock = "SET lock:stock:" + r.sku() + " " + r.orderId() + " NX PX 5000";
    Outcome locked = datastores.redis(now, r, lock);
    if (locked.failed()) {
      long at = now + locked.extraMs();
      errors.inventoryRedis(at, thread, r, locked.failure(), true);
      return Reply.failed(locked.failure(), at + 1);
    }
    now += 1 + locked.extraMs();
    String sql = "UPDATE stock SET reserved = reserved + $1 WHERE sku = $2 AND available >= $1";
    long end = datastores.postgres(now, "inventory", thread, r, sql);
    if (end < 0) {
      return Reply.failed(Failure.of(Failure.Kind.REFUSED), -end + 1);
    }
    logs.inventory.line(
        end + 1,
        "INFO",
        thread,
        LOGGER,
        "Reserved "
            + r.quantity()
            + " x "
            + r.sku()
            + " for order "
            + r.orderId()
            + " in "
            + (end + 1 - t)
            + " ms"
            + trace);
    return Reply.ok(200, end + 2);
  }

  private Reply lookup(Request r, long now, String thread) {
    String trace = " traceId=" + r.traceId();
    Outcome cached = datastores.redis(now, r, "GET stock:" + r.sku());
    now += 1 + cached.extraMs();
    boolean hit = !cached.failed() && random.nextInt(4) != 0;
    if (cached.failed()) {
      errors.inventoryRedis(now, thread, r, cached.failure(), false);
    }
    if (!hit) {
      if (!cached.failed()) {
        logs.inventory.line(
            now,
            "INFO",
            thread,
            "com.example.inventory.cache.StockCache",
            "Cache miss for stock:" + r.sku() + ", loading from database" + trace);
      }
      now =
          datastores.postgres(
              now, "inventory", thread, r, "SELECT available FROM stock WHERE sku = $1");
      if (now < 0) {
        return Reply.failed(Failure.of(Failure.Kind.REFUSED), -now + 1);
      }
    }
    logs.inventory.line(
        now + 1,
        "INFO",
        thread,
        LOGGER,
        "Stock for "
            + r.sku()
            + ": "
            + (3 + random.nextInt(60))
            + " available (cache "
            + (hit ? "hit" : "miss")
            + ")"
            + trace);
    return Reply.ok(200, now + 2);
  }
}
