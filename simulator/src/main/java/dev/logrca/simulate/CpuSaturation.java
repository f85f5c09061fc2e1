package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code resource.cpu_saturation}: checkout's or inventory's container is throttled; its JVM stalls
 * in long pauses, timers fire late and every request it serves takes longer.
 */
final class CpuSaturation extends RootFault {
  private final JavaApp app;
  private long nextPause;

  CpuSaturation(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.RESOURCE_CPU_SATURATION, root, start, logs, random);
    this.app = new JavaApp(logs, root, random);
    this.nextPause = start;
  }

  @Override
  void rootTick(long second) {
    if (second < nextPause - 999) {
      return;
    }
    long at = Math.max(second, nextPause);
    long pause = (long) ramp(at, 1500, 6000, 120_000) + random.nextInt(900);
    app.pause(at, pause);
    if (!app.isCheckout() && chance(0.4)) {
      long delta = 30_000 + pause * 5 + random.nextInt(20_000);
      app.line(
          at + 1,
          "WARN",
          "HikariPool-1 housekeeper",
          "com.zaxxer.hikari.pool.HikariPool",
          "HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta="
              + delta / 1000
              + "s"
              + delta % 1000
              + "ms).");
    }
    nextPause = at + 3000 + random.nextInt(5000);
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    long extra = (long) (ramp(hop.time(), 400, 7000, 150_000) * (0.5 + random.nextDouble()));
    if (extra > 2000 && app.isCheckout()) {
      app.line(
          hop.time() + extra,
          "WARN",
          "http-nio-8080-exec-" + (1 + random.nextInt(10)),
          "c.e.checkout.web.SlowRequestFilter",
          "Slow request "
              + hop.operation()
              + " took "
              + extra
              + " ms traceId="
              + hop.request().traceId());
    }
    return Outcome.slow(extra);
  }
}
