package dev.logrca.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.LogRecord;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Decodes 100k lines of common shapes and prints the rate; it asserts what came out, not speed. */
class DecodeThroughputTest {
  private static final String[] LINES = {
    "2026-11-27 10:00:03,123 ERROR [http-nio-8080-exec-1] com.x.PaymentService - charge failed for order 42",
    "\tat com.x.PaymentService.charge(PaymentService.java:42)",
    "2026-11-27T10:00:03.123Z INFO  o.s.b.w.e.tomcat.TomcatWebServer - Tomcat started on port 8080",
    "{\"@timestamp\":\"2026-11-27T10:00:03.123Z\",\"log.level\":\"warn\",\"message\":\"slow query 1200 ms\","
        + "\"service.name\":\"cart\",\"trace.id\":\"4bf92f35\"}",
    "1.2.3.4 - - [27/Nov/2026:10:00:00 +0000] \"GET /api/cart HTTP/1.1\" 502 157 \"-\" \"curl/8\"",
    "Nov 27 10:00:03 web-1 sshd[4242]: Connection closed by 10.0.0.1 port 22",
    "2026-11-27 10:00:03.123 UTC [123] FATAL:  the database system is shutting down",
    "{\"log\":\"2026-11-27 10:00:01.123 ERROR [main] c.e.Foo - boom\\n\",\"stream\":\"stderr\","
        + "\"time\":\"2026-11-27T10:00:03.123Z\",\"kubernetes\":{\"pod_name\":\"checkout-5d9f8b7c6-x2x9q\"}}",
  };

  @Test
  void decodesAHundredThousandMixedLines() {
    int n = 100_000;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT
      LineDecoder decoder =
          new LineDecoder(new SourceContext("bench", "bench", null, ZoneOffset.UTC, 2026, 0));
      int inferred = 0;
      int errors = 0;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        LogRecord r = decoder.decode(LINES[i % LINES.length], i + 1);
        errors += r.decodeError() == null ? 0 : 1;
        inferred += r.timestampInferred() ? 1 : 0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(errors).isZero();
      assertThat(inferred).isEqualTo(n / LINES.length);
      System.out.printf(
          "decoded %d mixed lines in %.3f s: %.0f lines/s%n", n, seconds, n / seconds);
    }
  }
}
