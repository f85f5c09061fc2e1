package dev.logrca.simulate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The background every healthy system writes: periodic housekeeping of the datastores and the
 * harmless warnings operators learn to ignore (slow queries just over the threshold, retries that
 * succeeded, a deprecated config key, short GC pauses, stale pooled connections, a rare handled
 * exception).
 */
final class Noise {
  private final SystemLogs logs;
  private final SplittableRandom random;
  private final long start;
  private final Fault fault;

  Noise(SystemLogs logs, SplittableRandom random, long start, Fault fault) {
    this.logs = logs;
    this.random = random;
    this.start = start;
    this.fault = fault;
  }

  /** Writes the background lines of the second starting at {@code second} (epoch millis). */
  void tick(long second) {
    long elapsed = (second - start) / 1000;
    if (elapsed % 300 == 17 && quiet("postgres", second)) {
      checkpoint(second);
    }
    if (elapsed % 60 == 41 && quiet("redis", second)) {
      snapshot(second);
    }
    if (elapsed % 300 == 120 && quiet("payment", second)) {
      logs.payment.line(
          at(second),
          "warn",
          "config/config.go:77",
          "config key is deprecated",
          null,
          "key",
          "PAYMENT_TIMEOUT",
          "replacement",
          "PAYMENT_PROVIDER_TIMEOUT");
    }
    if (chance(0.004) && quiet("postgres", second)) {
      logs.datastores.postgres(
          at(second),
          2300 + random.nextInt(90),
          "LOG",
          String.format(
              Locale.ROOT,
              "duration: %.3f ms  statement: SELECT date_trunc('hour', created_at) AS hour,"
                  + " count(*), sum(total_cents) FROM orders WHERE created_at > now() - interval"
                  + " '7 days' GROUP BY 1 ORDER BY 1",
              1000 + random.nextDouble() * 180));
    }
    if (chance(0.003) && quiet("postgres", second)) {
      logs.datastores.postgres(
          at(second),
          2400 + random.nextInt(90),
          "LOG",
          "automatic analyze of table \"shop.public.orders\"\n\tavg read rate: "
              + String.format(Locale.ROOT, "%.3f", random.nextDouble() * 20)
              + " MB/s, avg write rate: 0.000 MB/s\n\tbuffer usage: "
              + (200 + random.nextInt(900))
              + " hits, "
              + random.nextInt(40)
              + " misses, 0 dirtied\n\tsystem usage: CPU: user:"
              + " 0.01 s, system: 0.00 s, elapsed: 0.0"
              + (1 + random.nextInt(8))
              + " s");
    }
    applicationNoise(second);
  }

  /** Each service's own harmless warnings, service by service (the order draws the randoms). */
  private void applicationNoise(long second) {
    inventoryNoise(second);
    checkoutNoise(second);
    paymentNoise(second);
    frontendNoise(second);
    gatewayNoise(second);
  }

  private void inventoryNoise(long second) {
    if (chance(0.004) && quiet("inventory", second)) {
      logs.inventory.line(
          at(second),
          "WARN",
          "HikariPool-1 housekeeper",
          "com.zaxxer.hikari.pool.PoolBase",
          "HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@"
              + Integer.toHexString(0x1000000 + random.nextInt(0xefffff))
              + " (This connection has been closed.). Possibly consider using a shorter maxLifetime"
              + " value.");
    }
    if (chance(0.003) && quiet("inventory", second)) {
      logs.inventory.line(
          at(second),
          "WARN",
          "jvm-pause-monitor",
          "com.example.inventory.JvmPauseMonitor",
          "Detected pause in JVM or host machine (eg GC): pause of approximately "
              + (210 + random.nextInt(300))
              + "ms");
    }
  }

  private void checkoutNoise(long second) {
    if (chance(0.005) && quiet("checkout", second)) {
      logs.checkout.line(
          at(second),
          "WARN",
          "http-nio-8080-exec-" + (1 + random.nextInt(10)),
          "c.e.c.client.PaymentClient",
          "Retry succeeded for payment call after " + (1 + random.nextInt(2)) + " attempt(s)");
    }
    if (chance(0.002) && quiet("checkout", second)) {
      String code = "SPRING" + (10 + random.nextInt(40));
      logs.checkout.line(
          at(second),
          "WARN",
          "http-nio-8080-exec-" + (1 + random.nextInt(10)),
          "c.e.checkout.CouponService",
          "Coupon " + code + " rejected, continuing without discount",
          new JavaTrace(
                  "com.example.checkout.coupon.CouponNotFoundException: No coupon with code '"
                      + code
                      + "'",
                  """
                  com.example.checkout.coupon.CouponRepository.findByCode(CouponRepository.java:33)
                  com.example.checkout.CouponService.apply(CouponService.java:27)""",
                  JavaTrace.CHECKOUT_TAIL)
              .toString());
    }
  }

  private void paymentNoise(long second) {
    if (chance(0.004) && quiet("payment", second)) {
      logs.payment.line(
          at(second),
          "warn",
          "psp/client.go:131",
          "provider call retried",
          null,
          "attempt",
          2,
          "error",
          "Post \"https://api.psp.example/v1/charges\": unexpected EOF");
    }
  }

  private void frontendNoise(long second) {
    if (chance(0.004) && quiet("frontend", second)) {
      logs.frontend.line(
          at(second),
          PinoLog.WARN,
          null,
          "slow render",
          "route",
          "/products/[sku]",
          "durationMs",
          800 + random.nextInt(600));
    }
  }

  private void gatewayNoise(long second) {
    if (chance(0.001) && quiet("gateway", second)) {
      logs.gateway.notice(
          at(second),
          "warn",
          "*"
              + (184_000 + random.nextInt(9000))
              + " an upstream response is buffered to a"
              + " temporary file /var/cache/nginx/proxy_temp/"
              + random.nextInt(10)
              + "/"
              + (10 + random.nextInt(89))
              + "/00000"
              + (10_000 + random.nextInt(89_999))
              + " while reading upstream");
    }
  }

  private void checkpoint(long second) {
    long at = at(second);
    logs.datastores.postgres(at, 68, "LOG", "checkpoint starting: time");
    int buffers = 120 + random.nextInt(900);
    double write = 20 + random.nextDouble() * 9;
    logs.datastores.postgres(
        at + (long) (write * 1000) + 40,
        68,
        "LOG",
        String.format(
            Locale.ROOT,
            "checkpoint complete: wrote %d buffers (%.1f%%); 0 WAL file(s) added, 0 removed, 1"
                + " recycled; write=%.3f s, sync=0.0%02d s, total=%.3f s; sync files=%d,"
                + " longest=0.002 s, average=0.001 s; distance=%d kB, estimate=%d kB",
            buffers,
            buffers / 163.84,
            write,
            2 + random.nextInt(40),
            write + 0.05,
            10 + random.nextInt(40),
            1000 + random.nextInt(9000),
            5000 + random.nextInt(9000)));
  }

  private void snapshot(long second) {
    long at = at(second);
    int child = 4000 + random.nextInt(5000);
    logs.datastores.redis(
        at, 1, 'M', '*', (100 + random.nextInt(900)) + " changes in 60 seconds." + " Saving...");
    logs.datastores.redis(at + 1, 1, 'M', '*', "Background saving started by pid " + child);
    logs.datastores.redis(at + 40, child, 'C', '*', "DB saved on disk");
    logs.datastores.redis(
        at + 41, child, 'C', '*', "Fork CoW for RDB: current 1 MB, peak 1 MB, average 0 MB");
    logs.datastores.redis(at + 120, 1, 'M', '*', "Background saving terminated with success");
  }

  /** A service the fault silenced (shut down, crashed) writes no background lines either. */
  private boolean quiet(String service, long second) {
    return !fault.silences(service, second);
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private long at(long second) {
    return second + random.nextInt(1000);
  }
}
