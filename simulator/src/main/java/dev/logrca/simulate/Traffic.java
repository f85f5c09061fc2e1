package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * Users' requests at the edge: makes up each request, then walks it through nginx and the Node.js
 * frontend into the backend, writing the access and request lines on the way back.
 */
final class Traffic {
  static final long NGINX_READ_TIMEOUT_MS = 6000;
  static final long FRONTEND_TIMEOUT_MS = 8000;
  private static final String[] NOT_FOUND = {
    "/favicon.ico", "/wp-login.php", "/.env", "/api/products/SKU-00000", "/robots.txt"
  };
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final SystemLogs logs;
  private final Fault fault;
  private final SplittableRandom random;
  private final Backend backend;
  private long connection = 184_200;
  private long order = 481_000;

  Traffic(SystemLogs logs, Fault fault, SplittableRandom random) {
    this.logs = logs;
    this.fault = fault;
    this.random = random;
    this.backend = new Backend(logs, fault, random);
  }

  /** One request arriving at the gateway at event time {@code t}. */
  void serve(long t) {
    Request r = newRequest();
    if (r.path().equals("/favicon.ico") || r.path().equals("/robots.txt")) {
      logs.gateway.error(
          t,
          "error",
          r,
          "open() \"/usr/share/nginx/html" + r.path() + "\" failed (2: No such file or directory)",
          null);
      logs.gateway.access(t, r, 404, 153, 0, -1);
      return;
    }
    Outcome outcome = fault.call(new Hop("gateway", "frontend", t, r, r.method() + " " + r.path()));
    String upstream = "http://10.0.1.5:3000";
    if (outcome.failed()) {
      long at = t + outcome.extraMs();
      boolean refused = outcome.failure().kind() == Failure.Kind.REFUSED;
      logs.gateway.error(
          at,
          "error",
          r,
          refused
              ? "connect() failed (111: Connection refused) while connecting to upstream"
              : "SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify"
                  + " failed) while SSL handshaking to upstream",
          upstream);
      logs.gateway.access(at, r, 502, 157, at - t, at - t);
      return;
    }
    Reply reply = frontend(r, t + 1, outcome.extraMs());
    if (reply.end() - t > NGINX_READ_TIMEOUT_MS) {
      long at = t + NGINX_READ_TIMEOUT_MS;
      logs.gateway.error(
          at,
          "error",
          r,
          "upstream timed out (110: Connection timed out) while reading response header from"
              + " upstream",
          upstream);
      logs.gateway.access(at, r, 504, 167, NGINX_READ_TIMEOUT_MS, NGINX_READ_TIMEOUT_MS);
      return;
    }
    long end = reply.end() + 1;
    int bytes = reply.status() >= 400 ? 150 + random.nextInt(60) : 512 + random.nextInt(24_000);
    logs.gateway.access(end, r, reply.status(), bytes, end - t, reply.end() - t - 1);
  }

  private Reply frontend(Request r, long t, long extraMs) {
    // Fastify's logger: one line when the request arrives, one when it completes.
    String reqId = "req-" + Long.toString(r.connection(), 36);
    logArrival(r, t, reqId);
    long start = t + extraMs;
    String callee = r.kind() == Request.Kind.PRODUCT ? "inventory" : "checkout";
    Reply reply = frontendCall(r, start, callee);
    if (reply.end() - start > FRONTEND_TIMEOUT_MS) {
      reply = new Reply(504, start + FRONTEND_TIMEOUT_MS, Failure.of(Failure.Kind.TIMEOUT));
    }
    long end = reply.end() + 1 + random.nextInt(3);
    if (reply.failed()) {
      logs.frontend.line(
          end,
          PinoLog.ERROR,
          r.traceId(),
          "upstream request failed",
          "upstream",
          callee,
          "err",
          new PinoLog.Raw(axiosError(reply.failure())));
    }
    int level =
        reply.status() >= 500 ? PinoLog.ERROR : reply.status() >= 400 ? PinoLog.WARN : PinoLog.INFO;
    logs.frontend.line(
        end,
        level,
        r.traceId(),
        "request completed",
        "reqId",
        reqId,
        "res",
        new PinoLog.Raw("{\"statusCode\":" + reply.status() + "}"),
        "responseTime",
        end - t);
    return Reply.ok(reply.status(), end);
  }

  private void logArrival(Request r, long t, String reqId) {
    logs.frontend.line(
        t,
        PinoLog.INFO,
        r.traceId(),
        "incoming request",
        "reqId",
        reqId,
        "req",
        new PinoLog.Raw(
            "{\"method\":\""
                + r.method()
                + "\",\"url\":\""
                + r.path()
                + "\",\"hostname\":\"shop.example.com\",\"remoteAddress\":\"10.0.0.5\"}"));
  }

  /** What the frontend's page gets: its own reply, or its call to {@code callee}'s. */
  private Reply frontendCall(Request r, long start, String callee) {
    Reply reply;
    switch (r.kind()) {
      case HOME -> reply = Reply.ok(200, start + 3 + random.nextInt(15));
      case NOT_FOUND -> reply = Reply.ok(404, start + 1 + random.nextInt(3));
      default -> {
        String call =
            r.kind() == Request.Kind.PRODUCT
                ? "GET /api/stock/" + r.sku()
                : r.method()
                    + " "
                    + (r.kind() == Request.Kind.CART ? "/api/cart/items" : "/api/orders");
        Outcome outcome = fault.call(new Hop("frontend", callee, start + 2, r, call));
        if (outcome.failed()) {
          reply =
              new Reply(
                  outcome.failure().status(), start + 2 + outcome.extraMs(), outcome.failure());
        } else if (r.kind() == Request.Kind.PRODUCT) {
          reply = backend.inventory(r, start + 2, outcome.extraMs());
        } else {
          reply = backend.checkout(r, start + 2, outcome.extraMs());
        }
      }
    }
    return reply;
  }

  private static String axiosError(Failure failure) {
    return switch (failure.kind()) {
      case TIMEOUT ->
          "{\"type\":\"AxiosError\",\"message\":\"timeout of "
              + FRONTEND_TIMEOUT_MS
              + "ms exceeded\",\"code\":\"ECONNABORTED\"}";
      case HTTP ->
          "{\"type\":\"AxiosError\",\"message\":\"Request failed with status code "
              + failure.code()
              + "\",\"code\":\"ERR_BAD_RESPONSE\"}";
      case CERTIFICATE ->
          "{\"type\":\"Error\",\"message\":\"certificate has expired\","
              + "\"code\":\"CERT_HAS_EXPIRED\"}";
      case NO_ROUTE ->
          "{\"type\":\"Error\",\"message\":\"connect EHOSTUNREACH 10.0.1.8:8080\","
              + "\"code\":\"EHOSTUNREACH\"}";
      default ->
          "{\"type\":\"Error\",\"message\":\"connect ECONNREFUSED 10.0.1.8:8080\","
              + "\"code\":\"ECONNREFUSED\"}";
    };
  }

  private Request newRequest() {
    int roll = random.nextInt(100);
    Request.Kind kind =
        roll < 10
            ? Request.Kind.HOME
            : roll < 55
                ? Request.Kind.PRODUCT
                : roll < 75
                    ? Request.Kind.CART
                    : roll < 96 ? Request.Kind.CHECKOUT : Request.Kind.NOT_FOUND;
    // A few products are popular, most are not: the square skews towards low numbers.
    double u = random.nextDouble();
    String sku = "SKU-" + (10_000 + (int) (u * u * 900));
    int quantity = 1 + random.nextInt(3);
    long amount = quantity * (499L + random.nextInt(19_500));
    String path =
        switch (kind) {
          case HOME -> "/";
          case PRODUCT -> "/api/products/" + sku;
          case CART -> "/api/cart/items";
          case CHECKOUT -> "/api/checkout";
          case NOT_FOUND -> NOT_FOUND[random.nextInt(NOT_FOUND.length)];
        };
    String method = kind == Request.Kind.CART || kind == Request.Kind.CHECKOUT ? "POST" : "GET";
    String client =
        (random.nextBoolean() ? "203.0.113." : "198.51.100.") + (1 + random.nextInt(254));
    long orderId = kind == Request.Kind.CHECKOUT ? ++order : order;
    return new Request(
        kind,
        traceId(),
        client,
        method,
        path,
        random.nextInt(16),
        ++connection,
        sku,
        quantity,
        orderId,
        amount);
  }

  private String traceId() {
    char[] id = new char[32];
    long high = random.nextLong();
    long low = random.nextLong();
    for (int i = 0; i < 16; i++) {
      id[15 - i] = HEX[(int) (high >>> (4 * i)) & 15];
      id[31 - i] = HEX[(int) (low >>> (4 * i)) & 15];
    }
    return new String(id);
  }
}
