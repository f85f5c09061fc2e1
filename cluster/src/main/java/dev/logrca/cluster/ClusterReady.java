package dev.logrca.cluster;

import java.io.IOException;
import java.time.Duration;

/**
 * Waits for something a separate process does: the cluster's REST API answering with enough
 * TaskManagers, a job reaching a state. These are other JVMs, so there is no clock to move: it asks
 * again every 200 ms until a deadline, then fails saying what it waited for.
 */
public final class ClusterReady {
  private ClusterReady() {}

  /** A condition that asks another process. */
  @FunctionalInterface
  public interface Check {
    /** Whether the condition holds now. */
    boolean holds() throws IOException, InterruptedException;
  }

  /** Until {@code n} TaskManagers are registered (refused connections count as not yet). */
  public static void await(FlinkRest rest, int n, Duration timeout)
      throws IOException, InterruptedException {
    until(
        n + " TaskManagers registered",
        timeout,
        () -> {
          try {
            return rest.taskManagers().size() >= n;
          } catch (IOException e) {
            return false; // the JobManager's REST endpoint is not up yet
          }
        });
  }

  /** Until {@code check} holds; an {@link IllegalStateException} naming {@code what} after. */
  public static void until(String what, Duration timeout, Check check)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up after " + timeout + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }
}
