package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.util.SplittableRandom;

/**
 * {@code config.error}: payment or inventory reloads its configuration with a wrong database
 * password; as pooled connections are recycled, new ones fail authentication.
 */
final class BadConfig extends RootFault {
  BadConfig(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.CONFIG_ERROR, root, start, logs, random);
  }

  @Override
  void rootTick(long second) {
    if (second != start) {
      return;
    }
    if (root.equals("payment")) {
      logs.payment.line(
          start,
          "info",
          "config/config.go:58",
          "configuration reloaded",
          null,
          "source",
          "/etc/payment/config.yaml",
          "changed",
          "DB_PASSWORD");
    } else {
      logs.inventory.line(
          start,
          "INFO",
          "config-watcher",
          "com.example.inventory.config.ConfigWatcher",
          "Configuration reloaded from /etc/inventory/application.yaml (changed:"
              + " spring.datasource.password)");
    }
  }

  @Override
  Outcome affect(Hop hop) {
    boolean fromRoot = hop.caller().equals(root) && hop.callee().equals("postgres");
    if (!fromRoot || !chance(ramp(hop.time(), 0.2, 1.0, 60_000))) {
      return Outcome.NORMAL;
    }
    int pid = 3500 + random.nextInt(400);
    String message = "password authentication failed for user \"" + root + "\"";
    logs.datastores.postgres(hop.time() + 2, pid, "FATAL", message);
    logs.datastores.postgres(
        hop.time() + 2,
        pid,
        "DETAIL",
        "Connection matched file \"/var/lib/postgresql/data/pg_hba.conf\" line 128: \"host all"
            + " all all scram-sha-256\"");
    return Outcome.fail(4, Failure.server("FATAL: " + message, "28P01"));
  }
}
