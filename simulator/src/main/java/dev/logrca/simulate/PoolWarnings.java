package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * What comes before a pool runs dry: HikariCP's leak detection reporting connections held far too
 * long, checkout's order-event executor filling its queue, PostgreSQL (with {@code
 * log_connections}) accepting client after client.
 */
final class PoolWarnings extends Precursors {
  PoolWarnings(String root, SystemLogs logs, SplittableRandom random) {
    super(root, logs, random);
  }

  @Override
  void write(long at) {
    switch (root) {
      case "postgres" -> connectionStorm(at);
      case "checkout" -> {
        int queued = 380 + random.nextInt(110);
        app()
            .line(
                at,
                "WARN",
                "http-nio-8080-exec-" + (1 + random.nextInt(10)),
                "c.e.checkout.OrderEvents",
                "Order event executor queue is nearly full: "
                    + queued
                    + " of 500 slots used, 20 of 20 threads active");
      }
      default -> leak(at);
    }
  }

  private void leak(long at) {
    int connection = 0x1000000 + random.nextInt(0xefffff);
    connectionLeak(logs, at, connection, 1 + random.nextInt(8));
  }

  /**
   * HikariCP's leak detector on inventory: a connection held past the threshold, with the stack
   * that took it. Pool exhaustion writes it too, as its first sign.
   */
  static void connectionLeak(SystemLogs logs, long at, int connection, int thread) {
    logs.inventory.line(
        at,
        "WARN",
        "HikariPool-1 housekeeper",
        "com.zaxxer.hikari.pool.ProxyLeakTask",
        "Connection leak detection triggered for org.postgresql.jdbc.PgConnection@"
            + Integer.toHexString(connection)
            + " on thread pool-1-thread-"
            + thread
            + ", stack trace follows",
        new JavaTrace(
                "java.lang.Exception: Apparent connection leak detected",
                "com.example.inventory.StockRepository.openCursor(StockRepository.java:102)",
                "com.example.inventory.StockExport.run(StockExport.java:37)",
                JavaTrace.INVENTORY_TAIL.substring(
                    JavaTrace.INVENTORY_TAIL.indexOf("java.base/java.util")))
            .toString());
  }

  private void connectionStorm(long at) {
    boolean inventory = random.nextInt(3) > 0;
    String user = inventory ? "inventory" : "payment";
    for (int i = 0; i < 2 + random.nextInt(3); i++) {
      int pid = 3300 + random.nextInt(500);
      long t = at + i * 15L;
      logs.datastores.postgres(
          t,
          pid,
          "LOG",
          "connection received: host="
              + (inventory ? "10.0.1.9" : "10.0.2.14")
              + " port="
              + (40_000 + random.nextInt(20_000)));
      logs.datastores.postgres(
          t + 4,
          pid,
          "LOG",
          "connection authorized: user="
              + user
              + " database="
              + (inventory ? "inventory" : "payments")
              + " application_name="
              + (inventory ? "PostgreSQL JDBC Driver" : "pgx"));
    }
  }
}
