package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code network.unreachable}: the host of PostgreSQL or of payment drops off the network. Open
 * connections are reset, new ones find no route to the host.
 */
final class Unreachable extends RootFault {
  private long nextProbe;

  Unreachable(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.NETWORK_UNREACHABLE, root, start, logs, random);
    this.nextProbe = start;
  }

  @Override
  void rootTick(long second) {
    if (second == start) {
      // Both ends of the severed connections notice: the server sees its clients vanish.
      for (int i = 0; i < 3; i++) {
        int pid = root.equals("postgres") ? 2201 + i * 3 : 2101 + i * 3;
        logs.datastores.postgres(
            start + i * 7,
            pid,
            "LOG",
            "could not receive data from client: Connection reset by peer");
      }
      logs.datastores.postgres(
          start + 25, 2104, "LOG", "unexpected EOF on client connection with an open transaction");
    }
    if (root.equals("payment") && second >= nextProbe - 999) {
      long at = Math.max(second, nextProbe);
      logs.payment.line(
          at,
          "warn",
          "health/probe.go:41",
          "database ping failed",
          null,
          "error",
          "dial tcp 10.0.3.7:5432: connect: no route to host");
      nextProbe = at + 10_000;
    }
  }

  @Override
  Outcome affect(Hop hop) {
    boolean cut =
        hop.callee().equals(root) || (root.equals("payment") && hop.caller().equals("payment"));
    return cut ? Outcome.fail(3, Failure.of(Failure.Kind.NO_ROUTE)) : Outcome.NORMAL;
  }

  @Override
  public boolean silences(String service, long time) {
    // An isolated payment host keeps running, but its background chatter is beside the point.
    return false;
  }
}
