package dev.logrca.simulate;

import dev.logrca.core.model.Category;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code security.certificate}: the TLS certificate of payment or inventory expires; every client's
 * handshake fails and the server logs the alerts its clients send back.
 */
final class ExpiredCertificate extends RootFault {
  private static final DateTimeFormatter JAVA_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  ExpiredCertificate(String root, long start, SystemLogs logs, SplittableRandom random) {
    super(Category.SECURITY_CERTIFICATE, root, start, logs, random);
  }

  @Override
  void rootTick(long second) {
    // An expiry is silent on the server until a client tries to connect.
  }

  @Override
  Outcome affect(Hop hop) {
    if (!hop.callee().equals(root)) {
      return Outcome.NORMAL;
    }
    long at = hop.time() + 2;
    String client = "10.0.2." + (20 + random.nextInt(8)) + ":" + (40_000 + random.nextInt(20_000));
    if (root.equals("payment")) {
      logs.payment.line(
          at,
          "warn",
          "log/log.go:195",
          "http: TLS handshake error from " + client + ": remote error: tls: bad certificate",
          null);
    } else {
      logs.inventory.line(
          at,
          "WARN",
          "https-handshake",
          "com.example.inventory.http.TlsServer",
          "TLS handshake with "
              + client
              + " failed: javax.net.ssl.SSLHandshakeException: Received"
              + " fatal alert: certificate_unknown");
    }
    return Outcome.fail(
        3,
        new Failure(
            Failure.Kind.CERTIFICATE,
            "NotAfter: " + JAVA_DATE.format(Instant.ofEpochMilli(start)),
            null));
  }
}
