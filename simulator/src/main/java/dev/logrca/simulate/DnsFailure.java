package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code dns.resolution}: the resolver of payment's or inventory's pod stops answering, so the
 * datastores' names no longer resolve from there once cached addresses expire.
 */
final class DnsFailure extends RootFault {
  DnsFailure(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.DNS_RESOLUTION, root, start, logs, random);
  }

  @Override
  void rootTick(long second) {
    if (second != start && !chance(0.03)) {
      return;
    }
    long at = second == start ? start : within(second);
    if (root.equals("payment")) {
      logs.payment.line(
          at,
          "warn",
          "health/probe.go:41",
          "database ping failed",
          null,
          "error",
          "lookup postgres on 10.96.0.10:53: read udp 10.0.2.14:"
              + (40_000 + random.nextInt(20_000))
              + "->10.96.0.10:53: i/o timeout");
    } else {
      logs.inventory.line(
          at,
          "WARN",
          "HikariPool-1 connection adder",
          "com.zaxxer.hikari.pool.HikariPool",
          "HikariPool-1 - Cannot acquire connection from data source: The connection attempt"
              + " failed. (java.net.UnknownHostException: postgres: Temporary failure in name"
              + " resolution)");
    }
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.caller().equals(root) || !chance(ramp(hop.time(), 0.4, 0.9, 60_000))) {
      return Outcome.NORMAL;
    }
    return Outcome.fail(5 + random.nextInt(40), Failure.of(Failure.Kind.UNKNOWN_HOST));
  }
}
