package dev.logrca.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A noisy neighbour: one service unrelated to the fault logs errors with exceptions every few
 * seconds, from the first second to the last, before and during the fault. Real systems have one: a
 * mail relay that rejects, a supplier feed that never parses, webhooks with bad signatures.
 */
final class NoisyNeighbour implements Fault {
  private static final List<String> CANDIDATES =
      List.of("checkout", "inventory", "payment", "frontend");

  private final Fault fault;
  private final SystemLogs logs;
  private final SplittableRandom random;
  private final String noisy;
  private long next;

  NoisyNeighbour(Fault fault, long runStart, SystemLogs logs, SplittableRandom random) {
    this.fault = fault;
    this.logs = logs;
    this.random = random;
    List<String> candidates = new ArrayList<>(CANDIDATES);
    fault.truths().forEach(t -> candidates.remove(t.service()));
    this.noisy = candidates.get(random.nextInt(candidates.size()));
    this.next = runStart + random.nextInt(3000);
  }

  /** The service that logs errors all the time. */
  String noisy() {
    return noisy;
  }

  @Override
  public Optional<Truth.Fault> truth() {
    return fault.truth();
  }

  @Override
  public List<Truth.Fault> truths() {
    return fault.truths();
  }

  @Override
  public void tick(long second) {
    fault.tick(second);
    while (next < second + 1000) {
      long at = Math.max(next, second);
      if (!fault.silences(noisy, at)) {
        complain(at);
      }
      next = at + 1500 + random.nextInt(6000);
    }
  }

  @Override
  public Outcome call(Hop hop) {
    return fault.call(hop);
  }

  @Override
  public boolean silences(String service, long time) {
    return fault.silences(service, time);
  }

  private void complain(long at) {
    int order = 470_000 + random.nextInt(20_000);
    switch (noisy) {
      case "checkout" ->
          logs.checkout.line(
              at,
              "ERROR",
              "task-" + (1 + random.nextInt(4)),
              "c.e.checkout.mail.ConfirmationMailer",
              "Failed to send order confirmation for order " + order,
              new JavaTrace(
                      "org.springframework.mail.MailSendException: Failed messages:"
                          + " org.eclipse.angus.mail.smtp.SMTPSendFailedException: 550 5.7.1"
                          + " Sender address rejected: not owned by user shop@example.com",
                      "org.springframework.mail.javamail.JavaMailSenderImpl.doSend("
                          + "JavaMailSenderImpl.java:490)",
                      "com.example.checkout.mail.ConfirmationMailer.send("
                          + "ConfirmationMailer.java:52)")
                  .toString());
      case "inventory" ->
          logs.inventory.line(
              at,
              "ERROR",
              "scheduling-1",
              "com.example.inventory.feed.SupplierFeedImporter",
              "Skipping supplier feed row " + (1 + random.nextInt(4000)) + ": unparsable quantity",
              new JavaTrace(
                      "java.lang.NumberFormatException: For input string: \"n/a\"",
                      "java.base/java.lang.NumberFormatException.forInputString("
                          + "NumberFormatException.java:67)",
                      "java.base/java.lang.Integer.parseInt(Integer.java:662)",
                      "com.example.inventory.feed.SupplierFeedImporter.row("
                          + "SupplierFeedImporter.java:71)")
                  .toString());
      case "payment" ->
          logs.payment.line(
              at,
              "error",
              "webhook/handler.go:58",
              "webhook rejected",
              null,
              "error",
              "signature verification failed: no signatures found matching the expected"
                  + " signature for payload",
              "event_id",
              "evt_" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
              "stacktrace",
              "main.(*WebhookHandler).ServeHTTP\n\t/app/webhook/handler.go:58\nnet/http."
                  + "HandlerFunc.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:2220");
      default ->
          logs.frontend.line(
              at,
              PinoLog.ERROR,
              null,
              "recommendations widget failed",
              "err",
              new PinoLog.Raw(
                  "{\"type\":\"TypeError\",\"message\":\"Cannot read properties of undefined"
                      + " (reading 'map')\",\"stack\":\"TypeError: Cannot read properties of"
                      + " undefined (reading 'map')\\n    at Recommendations"
                      + " (/app/.next/server/chunks/412.js:1:2231)\"}"));
    }
  }
}
