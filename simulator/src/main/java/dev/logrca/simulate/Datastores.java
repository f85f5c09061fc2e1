package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * Calls from the services to PostgreSQL (JDBC in inventory, pgx in payment) and Redis (Lettuce in
 * inventory): each consults the fault, and a failed call is written in the caller's words.
 */
final class Datastores {
  static final long LETTUCE_TIMEOUT_MS = 1000;

  private final SystemLogs logs;
  private final Fault fault;
  private final SplittableRandom random;
  private final CallErrors errors;

  Datastores(SystemLogs logs, Fault fault, SplittableRandom random, CallErrors errors) {
    this.logs = logs;
    this.fault = fault;
    this.random = random;
    this.errors = errors;
  }

  /** A Redis command from inventory; Lettuce gives up after its command timeout. */
  Outcome redis(long t, Request r, String command) {
    Outcome outcome = fault.call(new Hop("inventory", "redis", t, r, command));
    if (!outcome.failed() && outcome.extraMs() >= LETTUCE_TIMEOUT_MS) {
      return Outcome.fail(LETTUCE_TIMEOUT_MS, Failure.of(Failure.Kind.TIMEOUT));
    }
    return outcome;
  }

  /**
   * A statement from {@code caller}; returns when it completed, or minus the time the caller gave
   * up (after writing its error).
   */
  long postgres(long t, String caller, String thread, Request r, String sql) {
    Outcome outcome = fault.call(new Hop(caller, "postgres", t, r, sql));
    if (outcome.failed()) {
      long at = t + 1 + outcome.extraMs();
      if (caller.equals("payment")) {
        errors.paymentPostgres(at, r, outcome.failure());
      } else {
        errors.inventoryPostgres(at, thread, r, sql, outcome.failure());
      }
      return -at;
    }
    double ms = 0.2 + random.nextDouble() * 4 + outcome.extraMs();
    long end = t + (long) ms;
    if (random.nextInt(4) == 0) {
      // log_min_duration_sample = 0 with log_statement_sample_rate = 0.25; the driver tags
      // statements with the trace id (sqlcommenter-style), which is how the trace reaches here.
      logs.datastores.postgres(
          end,
          postgresPid(caller, r),
          "LOG",
          "duration: "
              + DatastoreLogs.millis(ms)
              + " ms  execute <unnamed>: "
              + sql
              + " /* "
              + caller
              + " traceId="
              + r.traceId()
              + " */");
    }
    return end;
  }

  static int postgresPid(String caller, Request r) {
    int base = caller.equals("payment") ? 2101 : 2201;
    return base + (int) Math.floorMod(r.connection(), 10);
  }
}
