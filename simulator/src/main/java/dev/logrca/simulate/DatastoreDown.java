package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code dependency.down}: PostgreSQL or Redis is shut down and stays down; callers get refused
 * connections (and, while PostgreSQL shuts down, {@code the database system is shutting down}).
 */
final class DatastoreDown extends RootFault {
  private static final long SHUTDOWN_MS = 2200;

  DatastoreDown(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.DEPENDENCY_DOWN, root, start, logs, random);
  }

  @Override
  void rootTick(long second) {
    if (second != start) {
      return;
    }
    if (root.equals("postgres")) {
      DatastoreLogs db = logs.datastores;
      db.postgres(start, 1, "LOG", "received fast shutdown request");
      db.postgres(start + 2, 1, "LOG", "aborting any active transactions");
      for (int i = 0; i < 4; i++) {
        db.postgres(
            start + 3 + i,
            2201 + i * 2,
            "FATAL",
            "terminating connection due to administrator command");
      }
      db.postgres(
          start + 9,
          1,
          "LOG",
          "background worker \"logical replication launcher\" (PID 74) exited with exit code 1");
      db.postgres(start + 12, 68, "LOG", "shutting down");
      db.postgres(start + 14, 68, "LOG", "checkpoint starting: shutdown immediate");
      db.postgres(
          start + SHUTDOWN_MS - 60,
          68,
          "LOG",
          "checkpoint complete: wrote 412 buffers (2.5%); 0 WAL file(s) added, 0 removed, 0"
              + " recycled; write=0.021 s, sync=0.014 s, total=0.048 s; sync files=17,"
              + " longest=0.004 s, average=0.001 s; distance=2213 kB, estimate=4410 kB");
      db.postgres(start + SHUTDOWN_MS, 1, "LOG", "database system is shut down");
    } else {
      DatastoreLogs db = logs.datastores;
      db.redis(start, 1, 'M', '#', "Received SIGTERM scheduling shutdown...");
      db.redis(start + 80, 1, 'M', '#', "User requested shutdown...");
      db.redis(start + 81, 1, 'M', '*', "Saving the final RDB snapshot before exiting.");
      db.redis(start + 160, 1, 'M', '*', "DB saved on disk");
      db.redis(start + 161, 1, 'M', '*', "Removing the pid file.");
      db.redis(start + 162, 1, 'M', '#', "Redis is now ready to exit, bye bye...");
    }
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    if (root.equals("postgres") && hop.time() < start + SHUTDOWN_MS) {
      int pid = 2600 + random.nextInt(300);
      logs.datastores.postgres(
          hop.time() + 1, pid, "FATAL", "the database system is shutting down");
      return Outcome.fail(
          2, Failure.server("FATAL: the database system is shutting down", "57P03"));
    }
    return Outcome.fail(1, Failure.of(Failure.Kind.REFUSED));
  }

  @Override
  public boolean silences(String service, long time) {
    return service.equals(root) && time >= start;
  }
}
