package dev.logrca.simulate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a service that is getting overloaded or slow warns about before it goes down or slows its
 * callers: slow queries, retries, a pool nearly full, lock waits, clients over their buffers. The
 * precursors of {@code dependency.down} and {@code network.latency}.
 */
final class OverloadWarnings extends Precursors {
  OverloadWarnings(String root, SystemLogs logs, SplittableRandom random) {
    super(root, logs, random);
  }

  @Override
  void write(long at) {
    int kind = random.nextInt(3);
    long ms = 1500 + random.nextInt(3500);
    switch (root) {
      case "postgres" ->
          logs.datastores.postgres(
              at,
              2200 + random.nextInt(40),
              kind == 0 ? "WARNING" : "LOG",
              switch (kind) {
                case 0 -> "autovacuum worker took too long to start; canceled";
                case 1 ->
                    "process "
                        + (2200 + random.nextInt(40))
                        + " still waiting for ShareLock on transaction "
                        + (480_000 + random.nextInt(9000))
                        + " after 1000.0"
                        + random.nextInt(10)
                        + " ms";
                default ->
                    "checkpoints are occurring too frequently ("
                        + (6 + random.nextInt(8))
                        + " seconds apart)";
              });
      case "redis" ->
          logs.datastores.redis(
              at,
              1,
              'M',
              '#',
              kind == 0
                  ? "WARNING: 10000 clients connected (maxclients is 10000), approaching limit"
                  : "Client id="
                      + (3000 + random.nextInt(900))
                      + " addr=10.0.1.9:"
                      + (40_000 + random.nextInt(9000))
                      + " scheduled to be closed ASAP for overcoming of output buffer limits.");
      case "payment" ->
          logs.payment.line(
              at,
              "warn",
              kind == 0 ? "store/db.go:88" : "psp/client.go:131",
              kind == 0
                  ? "slow query"
                  : kind == 1 ? "retrying request" : "connection pool nearly exhausted",
              null,
              kind == 0 ? "duration" : kind == 1 ? "attempt" : "acquired_conns",
              kind == 0 ? String.format(Locale.ROOT, "%.3fs", ms / 1000.0) : kind == 1 ? 2 : 19,
              kind == 2 ? "max_conns" : "target",
              kind == 2 ? 20 : "postgres");
      default -> javaWarning(at, kind, ms);
    }
  }

  private void javaWarning(long at, int kind, long ms) {
    JavaApp app = app();
    String pkg = app.codePackage();
    String thread = app.isCheckout() ? "http-nio-8080-exec-4" : "pool-1-thread-2";
    switch (kind) {
      case 0 ->
          app.line(
              at,
              "WARN",
              thread,
              pkg + ".db.SlowQueryLogger",
              "Slow query took " + ms + " ms (threshold 1000 ms)");
      case 1 ->
          app.line(
              at,
              "WARN",
              "HikariPool-1 housekeeper",
              "com.zaxxer.hikari.pool.HikariPool",
              "HikariPool-1 - Pool is nearly exhausted (total=20, active="
                  + (18 + random.nextInt(2))
                  + ", idle=1, waiting="
                  + (3 + random.nextInt(9))
                  + ")");
      default ->
          app.line(
              at,
              "WARN",
              thread,
              pkg + ".client.RetryingClient",
              "Retrying call after timeout (attempt " + (2 + random.nextInt(2)) + " of 3)");
    }
  }
}
