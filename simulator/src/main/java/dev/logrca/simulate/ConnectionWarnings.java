package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a service warns about before it can no longer connect, or be connected to: connections reset
 * now and then by a failing network path, name lookups that time out and are retried, its
 * certificate about to expire, configuration keys it ignores and settings it falls back on.
 */
final class ConnectionWarnings extends Precursors {
  private static final DateTimeFormatter JAVA_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Category category;
  private final long errorsFrom;

  ConnectionWarnings(
      Category category, String root, long errorsFrom, SystemLogs logs, SplittableRandom random) {
    super(root, logs, random);
    this.category = category;
    this.errorsFrom = errorsFrom;
  }

  @Override
  boolean speaksAt(long at) {
    // once the certificate has expired, the handshake failures speak for it
    return category != Category.SECURITY_CERTIFICATE || at < errorsFrom;
  }

  @Override
  boolean slows() {
    return category == Category.NETWORK_UNREACHABLE || category == Category.DNS_RESOLUTION;
  }

  @Override
  void write(long at) {
    boolean go = root.equals("payment");
    switch (category) {
      case NETWORK_UNREACHABLE -> resets(at);
      case DNS_RESOLUTION -> {
        if (go) {
          paymentLookupTimesOut(at);
        } else {
          inventoryLookupFails(at);
        }
      }
      case SECURITY_CERTIFICATE -> {
        if (go) {
          paymentCertificateExpires(at);
        } else {
          inventoryCertificateExpires(at);
        }
      }
      default -> {
        if (go) {
          paymentConfigWarning(at);
        } else {
          inventoryConfigWarning(at);
        }
      }
    }
  }

  private void resets(long at) {
    if (root.equals("postgres")) {
      logs.datastores.postgres(
          at,
          2200 + random.nextInt(40),
          "LOG",
          random.nextInt(3) == 0
              ? "unexpected EOF on client connection with an open transaction"
              : "could not receive data from client: Connection reset by peer");
      return;
    }
    // the host's own link drops packets: its connections to everything break, not to one peer
    boolean database = random.nextInt(2) == 0;
    String local = "10.0.2.14:" + (40_000 + random.nextInt(20_000));
    logs.payment.line(
        at,
        "warn",
        database ? "store/db.go:88" : "psp/client.go:131",
        "retrying request",
        null,
        "attempt",
        1,
        "error",
        database
            ? "read tcp " + local + "->10.0.3.7:5432: read: connection reset by peer"
            : "Post \"https://api.psp.example/v1/charges\": read tcp "
                + local
                + "->203.0.113.10:443: read: connection reset by peer");
  }

  private void paymentLookupTimesOut(long at) {
    logs.payment.line(
        at,
        "warn",
        "store/db.go:64",
        "retrying connection",
        null,
        "attempt",
        1,
        "error",
        "failed to connect to `host=postgres user=payment database=payments`: hostname resolving"
            + " error (lookup postgres on 10.96.0.10:53: read udp 10.0.2.14:"
            + (40_000 + random.nextInt(20_000))
            + "->10.96.0.10:53: i/o timeout)");
  }

  private void inventoryLookupFails(long at) {
    // Lettuce's watchdog reconnects its Redis connection; an unresolved address prints as such
    logs.inventory.line(
        at,
        "WARN",
        "lettuce-eventExecutorLoop-1-" + (1 + random.nextInt(4)),
        "io.lettuce.core.protocol.ConnectionWatchdog",
        "Cannot reconnect to [redis/<unresolved>:6379]: redis: Temporary failure in name"
            + " resolution");
  }

  private void paymentCertificateExpires(long at) {
    logs.payment.line(
        at,
        "warn",
        "tlsutil/reloader.go:77",
        "serving certificate expires soon",
        null,
        "cert",
        "/etc/payment/tls/tls.crt",
        "subject",
        "CN=payment.internal",
        "not_after",
        Instant.ofEpochMilli(errorsFrom).toString(),
        "expires_in",
        Math.max(1, (errorsFrom - at) / 1000) + "s");
  }

  private void inventoryCertificateExpires(long at) {
    logs.inventory.line(
        at,
        "WARN",
        "cert-expiry-check",
        "com.example.inventory.http.TlsServer",
        "Server certificate CN=inventory.internal expires in "
            + Math.max(1, (errorsFrom - at) / 1000)
            + " seconds (NotAfter: "
            + JAVA_DATE.format(Instant.ofEpochMilli(errorsFrom))
            + ")");
  }

  private void paymentConfigWarning(long at) {
    if (random.nextInt(2) == 0) {
      logs.payment.line(
          at,
          "warn",
          "config/config.go:71",
          "unknown configuration key, ignoring it",
          null,
          "key",
          "database.pasword_file",
          "source",
          "/etc/payment/config.yaml");
    } else {
      logs.payment.line(
          at,
          "warn",
          "config/config.go:84",
          "setting not found, using default",
          null,
          "key",
          "database.password_file",
          "default",
          "env:DB_PASSWORD");
    }
  }

  private void inventoryConfigWarning(long at) {
    JavaApp app = app();
    app.line(
        at,
        "WARN",
        "config-watcher",
        "com.example.inventory.config.ConfigWatcher",
        random.nextInt(2) == 0
            ? "Ignoring unknown property 'spring.datasource.pasword-file' in"
                + " /etc/inventory/application.yaml"
            : "Property 'spring.datasource.password-file' is not set; falling back to"
                + " 'spring.datasource.password'");
  }
}
