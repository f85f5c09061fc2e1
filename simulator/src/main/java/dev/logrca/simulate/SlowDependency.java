package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code network.latency}: Redis (its disk stalls AOF fsync) or payment (its provider slows down)
 * answers ever more slowly; callers' durations grow until their timeouts fire.
 */
final class SlowDependency extends RootFault {
  /** Payment gives up on its provider after this long. */
  private static final long PROVIDER_TIMEOUT_MS = 9000;

  private long nextWarning;

  SlowDependency(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.NETWORK_LATENCY, root, start, logs, random);
    this.nextWarning = start;
  }

  @Override
  void rootTick(long second) {
    if (second < nextWarning - 999) {
      return;
    }
    long at = Math.max(nextWarning, second);
    if (root.equals("redis")) {
      logs.datastores.redis(
          at,
          1,
          'M',
          '#',
          "Asynchronous AOF fsync is taking too long (disk is busy?). Writing the AOF buffer"
              + " without waiting for fsync to complete, this may slow down Redis.");
    } else {
      logs.payment.line(
          at,
          "warn",
          "psp/client.go:140",
          "payment provider responding slowly",
          null,
          "p99_ms",
          (long) ramp(at, 900, 14_000, 180_000),
          "endpoint",
          "/v1/charges");
    }
    nextWarning = at + 8000 + random.nextInt(20_000);
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    if (root.equals("redis")) {
      return Outcome.slow(
          (long) (ramp(hop.time(), 120, 1500, 150_000) * (0.6 + random.nextDouble())));
    }
    long extra = (long) (ramp(hop.time(), 800, 14_000, 180_000) * (0.5 + random.nextDouble()));
    if (extra < PROVIDER_TIMEOUT_MS) {
      return Outcome.slow(extra);
    }
    long at = hop.time() + 2 + PROVIDER_TIMEOUT_MS;
    logs.payment.line(
        at,
        "error",
        "psp/client.go:152",
        "provider call failed",
        hop.request().traceId(),
        "order_id",
        hop.request().orderId(),
        "error",
        "Post \"https://api.psp.example/v1/charges\": context deadline exceeded"
            + " (Client.Timeout exceeded while awaiting headers)");
    return Outcome.fail(
        PROVIDER_TIMEOUT_MS + 3, Failure.http(502, "{\"error\":\"payment provider timeout\"}"));
  }
}
