package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code resource.disk_full}: PostgreSQL's volume fills (a WAL write PANICs, the server recovers,
 * then every write fails to extend its file) or Redis cannot save its snapshot and refuses writes
 * with MISCONF.
 */
final class DiskFull extends RootFault {
  private static final long RECOVERY_MS = 3200;
  private static final String MISCONF =
      "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to"
          + " disk. Commands that may modify the data set are disabled, because this instance is"
          + " configured to report errors during writes if RDB snapshotting fails"
          + " (stop-writes-on-bgsave-error option). Please check the Redis logs for details about"
          + " the RDB error.";

  DiskFull(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.RESOURCE_DISK_FULL, root, start, logs, random);
  }

  @Override
  void rootTick(long second) {
    if (root.equals("redis")) {
      if (elapsed(second) % 60_000 == 0) {
        failedSnapshot(second == start ? start : within(second));
      }
      return;
    }
    if (second == start) {
      crashAndRecover();
    } else if (elapsed(second) % 300_000 == 17_000) {
      long at = within(second);
      logs.datastores.postgres(at, 68, "LOG", "checkpoint starting: time");
      logs.datastores.postgres(
          at + 900,
          68,
          "ERROR",
          "could not write to file \"pg_wal/xlogtemp.68\": No space left on device");
    }
  }

  private void crashAndRecover() {
    DatastoreLogs db = logs.datastores;
    db.postgres(
        start,
        72,
        "PANIC",
        "could not write to file \"pg_wal/xlogtemp.72\": No space left on device");
    db.postgres(
        start + 30,
        1,
        "LOG",
        "WAL writer process (PID 72) was terminated by signal 6:" + " Aborted");
    db.postgres(start + 31, 1, "LOG", "terminating any other active server processes");
    db.postgres(start + 90, 1, "LOG", "all server processes terminated; reinitializing");
    db.postgres(
        start + 140,
        3012,
        "LOG",
        "database system was interrupted; last known up at "
            + TimeFormat.postgres().format(start - 47_000));
    db.postgres(
        start + 160,
        3012,
        "LOG",
        "database system was not properly shut down; automatic recovery in progress");
    db.postgres(start + 180, 3012, "LOG", "redo starts at 0/3A0E110");
    db.postgres(
        start + 2900,
        3012,
        "LOG",
        "redo done at 0/3A1F2B8 system usage: CPU: user: 0.41"
            + " s, system: 0.19 s, elapsed: 2.71 s");
    db.postgres(start + RECOVERY_MS, 1, "LOG", "database system is ready to accept connections");
  }

  private void failedSnapshot(long at) {
    int child = 4000 + random.nextInt(5000);
    DatastoreLogs db = logs.datastores;
    db.redis(at, 1, 'M', '*', (100 + random.nextInt(900)) + " changes in 60 seconds. Saving...");
    db.redis(at + 1, 1, 'M', '*', "Background saving started by pid " + child);
    db.redis(at + 30, child, 'C', '#', "Write error saving DB on disk: No space left on device");
    db.redis(at + 110, 1, 'M', '#', "Background saving error");
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    if (root.equals("redis")) {
      return hop.writes() ? Outcome.fail(1, Failure.server(MISCONF, null)) : Outcome.NORMAL;
    }
    if (hop.time() < start + RECOVERY_MS) {
      logs.datastores.postgres(
          hop.time() + 1,
          3100 + random.nextInt(200),
          "FATAL",
          "the database system is in recovery mode");
      return Outcome.fail(
          2, Failure.server("FATAL: the database system is in recovery mode", "57P03"));
    }
    if (!hop.writes()) {
      return Outcome.NORMAL;
    }
    String file = hop.caller().equals("payment") ? "base/16384/24611" : "base/16384/16402";
    String error = "could not extend file \"" + file + "\": No space left on device";
    int pid = Datastores.postgresPid(hop.caller(), hop.request());
    long at = hop.time() + 1;
    logs.datastores.postgres(at, pid, "ERROR", error);
    logs.datastores.postgres(at, pid, "HINT", "Check free disk space.");
    logs.datastores.postgres(at, pid, "STATEMENT", hop.operation());
    return Outcome.fail(2, Failure.server("ERROR: " + error, "53100"));
  }

  @Override
  public boolean silences(String service, long time) {
    // Its own snapshots and checkpoints now fail, written by this fault instead.
    return service.equals(root) && time >= start;
  }
}
