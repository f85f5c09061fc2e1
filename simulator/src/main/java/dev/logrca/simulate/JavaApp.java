package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * The lines a Spring Boot service (checkout in logback layout, inventory in log4j layout) writes
 * about itself when it fails: restarts, graceful shutdowns, unhandled exceptions.
 */
final class JavaApp {
  private final JavaLog log;
  private final boolean checkout;
  private final SplittableRandom random;

  JavaApp(SystemLogs logs, String service, SplittableRandom random) {
    this.checkout = service.equals("checkout");
    this.log = checkout ? logs.checkout : logs.inventory;
    this.random = random;
  }

  /** The frames below the failing code: the service's request handling. */
  String tail() {
    return checkout ? JavaTrace.CHECKOUT_TAIL : JavaTrace.INVENTORY_TAIL;
  }

  /** A package of the service's own code, for frames. */
  String codePackage() {
    return checkout ? "com.example.checkout" : "com.example.inventory";
  }

  /** Startup from {@code at}, taking {@code seconds}; returns when it is ready. */
  long startup(long at, String version, double seconds) {
    String app = checkout ? "CheckoutApplication" : "InventoryApplication";
    String appLogger =
        checkout
            ? "c.e.checkout.CheckoutApplication"
            : "com.example." + "inventory" + ".InventoryApplication";
    String tomcat =
        checkout
            ? "o.s.b.w.embedded.tomcat.TomcatWebServer"
            : "org.springframework.boot.web.embedded.tomcat.TomcatWebServer";
    String port = checkout ? "8080" : "8081";
    long ready = at + (long) (seconds * 1000);
    log.line(
        at,
        "INFO",
        "main",
        appLogger,
        "Starting "
            + app
            + " v"
            + version
            + " using Java 17.0.13 with PID 1 (/app/app.jar started by app in /app)");
    log.line(at + 12, "INFO", "main", appLogger, "The following 1 profile is active: \"prod\"");
    log.line(
        at + 1300 + random.nextInt(400),
        "INFO",
        "main",
        tomcat,
        "Tomcat initialized with port " + port + " (http)");
    log.line(
        ready - 60,
        "INFO",
        "main",
        tomcat,
        "Tomcat started on port " + port + " (http) with context path '/'");
    log.line(
        ready,
        "INFO",
        "main",
        appLogger,
        String.format(
            java.util.Locale.ROOT,
            "Started %s in %.1f seconds (process running for %.1f)",
            app,
            seconds,
            seconds + 0.7));
    return ready;
  }

  /** Spring Boot's graceful shutdown from {@code at}; returns when the process is gone. */
  long gracefulShutdown(long at) {
    String logger =
        checkout
            ? "o.s.b.w.e.tomcat.GracefulShutdown"
            : "org.springframework.boot.web.embedded.tomcat.GracefulShutdown";
    log.line(
        at,
        "INFO",
        "SpringApplicationShutdownHook",
        logger,
        "Commencing graceful shutdown. Waiting for active requests to complete");
    log.line(at + 640, "INFO", "tomcat-shutdown", logger, "Graceful shutdown complete");
    return at + 700;
  }

  /** An exception no code handled while serving {@code hop}; the trace names its type. */
  void unhandled(long at, Hop hop, String trace) {
    String traceId = " traceId=" + hop.request().traceId();
    String first = trace.substring(0, trace.indexOf('\n'));
    if (checkout) {
      log.line(
          at,
          "ERROR",
          "http-nio-8080-exec-" + (1 + random.nextInt(10)),
          "o.a.c.c.C.[.[.[/].[dispatcherServlet]",
          "Servlet.service() for servlet [dispatcherServlet] in context with path [] threw"
              + " exception [Request processing failed: "
              + first
              + "] with root cause"
              + traceId,
          trace);
    } else {
      log.line(
          at,
          "ERROR",
          "pool-1-thread-" + (1 + random.nextInt(8)),
          "com.example.inventory.http.RequestDispatcher",
          "Unhandled error while handling " + hop.operation() + traceId,
          trace);
    }
  }

  /** A warning from the service's JVM pause monitor. */
  void pause(long at, long pauseMs) {
    log.line(
        at,
        "WARN",
        "jvm-pause-monitor",
        checkout ? "c.e.checkout.JvmPauseMonitor" : "com.example.inventory.JvmPauseMonitor",
        "Detected pause in JVM or host machine (eg GC): pause of approximately " + pauseMs + "ms");
  }

  void line(long at, String level, String thread, String logger, String msg) {
    log.line(at, level, thread, logger, msg);
  }

  boolean isCheckout() {
    return checkout;
  }
}
