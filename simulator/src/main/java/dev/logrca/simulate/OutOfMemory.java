package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code resource.out_of_memory}: a Java service leaks heap. In each cycle the GC pauses grow,
 * requests fail with {@code OutOfMemoryError}, the JVM exits and the container restarts it, and the
 * leak starts over.
 */
final class OutOfMemory extends RootFault {
  private static final long CYCLE_MS = 150_000;
  private static final long EXIT_MS = 60_000;
  private static final long RESTART_MS = 68_000;

  private final JavaApp app;
  private long nextPause;

  OutOfMemory(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.RESOURCE_OUT_OF_MEMORY, root, start, logs, random);
    this.app = new JavaApp(logs, root, random);
    this.nextPause = start;
  }

  @Override
  void rootTick(long second) {
    long phase = elapsed(second) % CYCLE_MS;
    if (phase == RESTART_MS) {
      app.startup(
          second + 200, app.isCheckout() ? "2.4.0" : "3.1.0", 6.1 + random.nextInt(9) / 10.0);
    }
    if (phase < EXIT_MS && second >= nextPause - 999) {
      long at = Math.max(nextPause, second);
      app.pause(at, 1200 + phase / 8 + random.nextInt(400));
      nextPause = at + 4000 + random.nextInt(6000);
    } else if (phase >= EXIT_MS) {
      nextPause = second + CYCLE_MS - phase;
    }
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    long phase = elapsed(hop.time()) % CYCLE_MS;
    if (phase >= EXIT_MS && phase < RESTART_MS + 7000) {
      return Outcome.fail(1, Failure.of(Failure.Kind.REFUSED));
    }
    if (phase >= EXIT_MS || !chance(0.05 + 0.8 * phase / EXIT_MS)) {
      return Outcome.NORMAL;
    }
    boolean overhead = chance(0.2);
    String trace =
        new JavaTrace(
                "java.lang.OutOfMemoryError: "
                    + (overhead ? "GC overhead limit exceeded" : "Java heap space"),
                overhead
                    ? "java.base/java.util.HashMap.resize(HashMap.java:702)\n"
                        + "java.base/java.util.HashMap.putVal(HashMap.java:661)"
                    : "java.base/java.util.Arrays.copyOf(Arrays.java:3541)\n"
                        + "java.base/java.util.ArrayList.grow(ArrayList.java:237)\n"
                        + "java.base/java.util.ArrayList.add(ArrayList.java:484)",
                app.codePackage() + ".audit.RequestHistory.record(RequestHistory.java:58)",
                app.tail())
            .toString();
    long at = hop.time() + 300 + random.nextInt(1500);
    app.unhandled(at, hop, trace);
    return Outcome.fail(
        at - hop.time() + 1,
        Failure.http(500, "{\"status\":500,\"error\":\"Internal Server Error\"}"));
  }

  @Override
  public boolean silences(String service, long time) {
    if (!service.equals(root) || time < start) {
      return false;
    }
    long phase = elapsed(time) % CYCLE_MS;
    return phase >= EXIT_MS && phase < RESTART_MS;
  }
}
