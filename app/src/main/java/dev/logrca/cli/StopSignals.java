package dev.logrca.cli;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import sun.misc.Signal;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a request to stop a followed run; a second one exits at
 * once. Signal handlers rather than a shutdown hook: once the JVM shuts down, Flink's own hooks
 * tear the embedded cluster down while the job would still be draining its last incidents.
 */
final class StopSignals {
  private StopSignals() {}

  static void install(CompletableFuture<Void> stop, PrintWriter err) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(
          new Signal(name),
          signal -> {
            if (stop.isDone()) {
              err.println("stopping at once, without the final incidents");
              err.flush();
              System.exit(128 + signal.getNumber());
            }
            err.println("stopping: finishing the open incidents (Ctrl-C again to quit at once)");
            err.flush();
            stop.complete(null);
          });
    }
  }
}
