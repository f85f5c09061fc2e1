package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code resource.pool_exhausted}: inventory leaks JDBC connections until HikariCP has none to
 * give, checkout's async executor rejects work, or PostgreSQL runs out of connection slots.
 */
final class PoolExhausted extends RootFault {
  private static final long HIKARI_TIMEOUT_MS = 30_000;

  private final JavaApp checkout;

  PoolExhausted(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.RESOURCE_POOL_EXHAUSTED, root, start, logs, random);
    this.checkout = new JavaApp(logs, "checkout", random);
  }

  @Override
  void rootTick(long second) {
    if (!root.equals("inventory") || !(second == start || chance(0.05))) {
      return;
    }
    long at = second == start ? start : within(second);
    // the thread is drawn before the connection, as this fault always has
    int thread = 1 + random.nextInt(8);
    PoolWarnings.connectionLeak(logs, at, 0x1000000 + random.nextInt(0xefffff), thread);
  }

  @Override
  Outcome affect(Hop hop) {
    double share = ramp(hop.time(), 0.3, 0.95, 90_000);
    switch (root) {
      case "inventory" -> {
        boolean fails = hop.caller().equals("inventory") && hop.callee().equals("postgres");
        return fails && chance(share)
            ? Outcome.fail(HIKARI_TIMEOUT_MS, Failure.of(Failure.Kind.POOL_TIMEOUT))
            : Outcome.NORMAL;
      }
      case "postgres" -> {
        if (!hop.callee().equals("postgres") || !chance(share * 0.7)) {
          return Outcome.NORMAL;
        }
        logs.datastores.postgres(
            hop.time() + 1, 3300 + random.nextInt(500), "FATAL", "sorry, too many clients already");
        return Outcome.fail(2, Failure.server("FATAL: sorry, too many clients already", "53300"));
      }
      default -> {
        if (!hop.callee().equals("checkout") || !chance(share)) {
          return Outcome.NORMAL;
        }
        long at = hop.time() + 1 + random.nextInt(3);
        checkout.unhandled(at, hop, rejection(hop));
        return Outcome.fail(
            at - hop.time() + 1,
            Failure.http(500, "{\"status\":500,\"error\":\"Internal Server Error\"}"));
      }
    }
  }

  /** The trace of an order event the saturated executor refused. */
  private String rejection(Hop hop) {
    String executor =
        "java.util.concurrent.ThreadPoolExecutor@3b6eb2ec[Running, pool size = 20,"
            + " active threads = 20, queued tasks = 500, completed tasks = "
            + (18_000 + (hop.time() - start) / 50)
            + "]";
    String task =
        "java.util.concurrent.FutureTask@"
            + Integer.toHexString(hop.request().traceId().hashCode())
            + "[Not completed, task = com.example.checkout.OrderEvents$$Lambda/0x00007f3c8c4a2b18"
            + "@5e8c92f4]";
    String frames =
        """
        java.base/java.util.concurrent.ThreadPoolExecutor$AbortPolicy.rejectedExecution(\
        ThreadPoolExecutor.java:2081)
        java.base/java.util.concurrent.ThreadPoolExecutor.execute(ThreadPoolExecutor.java:841)
        java.base/java.util.concurrent.AbstractExecutorService.submit(\
        AbstractExecutorService.java:134)
        com.example.checkout.OrderEvents.publish(OrderEvents.java:44)""";
    return new JavaTrace(
            "java.util.concurrent.RejectedExecutionException: Task "
                + task
                + " rejected from "
                + executor,
            frames,
            JavaTrace.CHECKOUT_TAIL)
        .toString();
  }
}
