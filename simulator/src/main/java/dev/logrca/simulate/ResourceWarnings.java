package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * What a service writes while a resource runs short, before it runs out: PostgreSQL's WAL archive
 * failing (the WAL piles up on the data volume) and Redis's AOF fsync stalling on a busy disk, a
 * JVM collecting an almost full old generation, a CPU-starved JVM and HikariCP's housekeeper waking
 * up late.
 */
final class ResourceWarnings extends Precursors {
  private static final String WAL_SEGMENT = "00000001000000000000004A";

  private final Category category;
  private int archiveFailures;

  ResourceWarnings(Category category, String root, SystemLogs logs, SplittableRandom random) {
    super(root, logs, random);
    this.category = category;
  }

  @Override
  void write(long at) {
    switch (category) {
      case RESOURCE_DISK_FULL -> diskFilling(at);
      case RESOURCE_OUT_OF_MEMORY -> heapFilling(at);
      default -> cpuStarving(at);
    }
  }

  private void diskFilling(long at) {
    if (root.equals("redis")) {
      logs.datastores.redis(
          at,
          1,
          'M',
          '*',
          "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer"
              + " without waiting for fsync to complete, this may slow down Redis.");
      return;
    }
    // the archiver retries a segment three times, then warns and waits before the next round
    archiveFailures++;
    logs.datastores.postgres(at, 64, "LOG", "archive command failed with exit code 1");
    logs.datastores.postgres(
        at,
        64,
        "DETAIL",
        "The failed archive command was: test ! -f /mnt/wal_archive/"
            + WAL_SEGMENT
            + " && cp pg_wal/"
            + WAL_SEGMENT
            + " /mnt/wal_archive/"
            + WAL_SEGMENT);
    if (archiveFailures % 3 == 0) {
      logs.datastores.postgres(
          at + 1,
          64,
          "WARNING",
          "archiving write-ahead log file \""
              + WAL_SEGMENT
              + "\" failed too many times, will try again later");
    }
  }

  private void heapFilling(long at) {
    JavaApp app = app();
    if (random.nextInt(2) == 0) {
      // the pauses the pause monitor sees are full collections of an almost full heap
      app.pause(at, 1000 + random.nextInt(700));
      return;
    }
    int used = 1900 + random.nextInt(130);
    app.line(
        at,
        "WARN",
        "Service Thread",
        app.isCheckout() ? "c.e.checkout.HeapMonitor" : "com.example.inventory.HeapMonitor",
        "Collection usage threshold exceeded for memory pool 'G1 Old Gen': "
            + used
            + "M of 2048M used after GC (threshold 90%)");
  }

  private void cpuStarving(long at) {
    JavaApp app = app();
    if (app.isCheckout() || random.nextInt(2) == 0) {
      app.pause(at, 1000 + random.nextInt(500));
      return;
    }
    long delta = 30_000 + random.nextInt(40_000);
    app.line(
        at,
        "WARN",
        "HikariPool-1 housekeeper",
        "com.zaxxer.hikari.pool.HikariPool",
        "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta="
            + elapsed(delta)
            + ").");
  }

  /** A duration as HikariCP prints one: {@code 1m4s119ms}. */
  static String elapsed(long ms) {
    StringBuilder b = new StringBuilder();
    if (ms >= 60_000) {
      b.append(ms / 60_000).append('m');
    }
    return b.append(ms % 60_000 / 1000).append('s').append(ms % 1000).append("ms").toString();
  }
}
