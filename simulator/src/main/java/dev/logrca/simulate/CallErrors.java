package dev.logrca.simulate;

import java.util.SplittableRandom;

/**
 * How each backend caller words a failed call, in its own client library's phrasing: the PostgreSQL
 * JDBC driver and Lettuce in inventory, pgx in payment, RestTemplate in checkout.
 */
final class CallErrors {
  private static final String PG_URL = "postgres:5432";
  private static final String PG_IP = "10.0.3.7:5432";
  private static final String REDIS_IP = "10.0.3.9:6379";
  private static final String RESOLVE =
      """
      java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)
      java.base/java.net.InetAddress$PlatformResolver.lookupByName(InetAddress.java:1211)
      java.base/java.net.InetAddress.getAddressesFromNameService(InetAddress.java:1828)
      java.base/java.net.InetAddress.getAllByName0(InetAddress.java:1139)""";

  private final SystemLogs logs;
  private final SplittableRandom random;

  CallErrors(SystemLogs logs, SplittableRandom random) {
    this.logs = logs;
    this.random = random;
  }

  /** Inventory's JDBC call to PostgreSQL failed. */
  void inventoryPostgres(long at, String thread, Request r, String sql, Failure failure) {
    JavaTrace trace = postgresFailure(failure);
    String what =
        sql.startsWith("UPDATE")
            ? "Stock reservation failed for order " + r.orderId()
            : "Stock lookup failed for " + r.sku();
    logs.inventory.line(
        at,
        "ERROR",
        thread,
        "com.example.inventory.StockService",
        what + " traceId=" + r.traceId(),
        trace.toString());
  }

  /** Inventory's Lettuce call to Redis failed; a lookup falls back to the database. */
  void inventoryRedis(long at, String thread, Request r, Failure failure, boolean reserve) {
    JavaTrace trace = redisFailure(failure);
    String logger = "com.example.inventory.cache.StockCache";
    String traceId = " traceId=" + r.traceId();
    if (reserve) {
      logs.inventory.line(
          at,
          "ERROR",
          thread,
          logger,
          "Could not lock stock of " + r.sku() + " for order " + r.orderId() + traceId,
          trace.toString());
    } else {
      String first = trace.toString();
      logs.inventory.line(
          at,
          "WARN",
          thread,
          logger,
          "Cache unavailable for stock:"
              + r.sku()
              + ", reading from database: "
              + first.substring(0, first.indexOf('\n'))
              + traceId);
    }
  }

  /** The exception the PostgreSQL JDBC driver (behind HikariCP) throws for {@code failure}. */
  private JavaTrace postgresFailure(Failure failure) {
    return switch (failure.kind()) {
      case REFUSED ->
          new JavaTrace(
                  "org.postgresql.util.PSQLException: Connection to "
                      + PG_URL
                      + " refused. Check that the hostname and port are correct and that the"
                      + " postmaster is accepting TCP/IP connections.",
                  JavaTrace.PG_CONNECT,
                  JavaTrace.INVENTORY_TAIL)
              .causedBy(
                  "java.net.ConnectException: Connection refused", 17, JavaTrace.SOCKET_CONNECT);
      case NO_ROUTE ->
          connectionAttempt(
              "java.net.NoRouteToHostException: No route to host", JavaTrace.SOCKET_CONNECT);
      case UNKNOWN_HOST ->
          connectionAttempt(
              "java.net.UnknownHostException: postgres: Temporary failure in name resolution",
              RESOLVE);
      case POOL_TIMEOUT ->
          new JavaTrace(
              "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not"
                  + " available, request timed out after 30000ms (total=10, active=10, idle=0,"
                  + " waiting="
                  + (20 + random.nextInt(40))
                  + ")",
              JavaTrace.HIKARI_TIMEOUT,
              JavaTrace.INVENTORY_TAIL);
      case SERVER_ERROR ->
          new JavaTrace(
              "org.postgresql.util.PSQLException: " + failure.message(),
              failure.message().startsWith("FATAL") ? JavaTrace.PG_CONNECT : JavaTrace.PG_QUERY,
              JavaTrace.INVENTORY_TAIL);
      default ->
          new JavaTrace(
                  "org.postgresql.util.PSQLException: An I/O error occurred while sending to"
                      + " the backend.",
                  JavaTrace.PG_QUERY,
                  JavaTrace.INVENTORY_TAIL)
              .causedBy(
                  "java.net.SocketTimeoutException: Read timed out", 14, JavaTrace.SOCKET_READ);
    };
  }

  /** The exception Lettuce throws for {@code failure}. */
  private static JavaTrace redisFailure(Failure failure) {
    String unreachable =
        "io.lettuce.core.RedisConnectionException: Unable to connect to redis:6379";
    return switch (failure.kind()) {
      case TIMEOUT ->
          new JavaTrace(
              "io.lettuce.core.RedisCommandTimeoutException: Command timed out after 1"
                  + " second(s)",
              JavaTrace.LETTUCE_COMMAND,
              JavaTrace.INVENTORY_TAIL);
      case SERVER_ERROR ->
          new JavaTrace(
              "io.lettuce.core.RedisCommandExecutionException: " + failure.message(),
              JavaTrace.LETTUCE_COMMAND.replace(
                  "createTimeoutException(ExceptionFactory.java:59)",
                  "createExecutionException(ExceptionFactory.java:151)"),
              JavaTrace.INVENTORY_TAIL);
      case NO_ROUTE ->
          new JavaTrace(unreachable, JavaTrace.LETTUCE_CONNECT, JavaTrace.INVENTORY_TAIL)
              .causedBy(
                  "io.netty.channel.AbstractChannel$AnnotatedNoRouteToHostException: No route"
                      + " to host: redis/"
                      + REDIS_IP,
                  2,
                  JavaTrace.NETTY_CONNECT);
      case UNKNOWN_HOST ->
          new JavaTrace(unreachable, JavaTrace.LETTUCE_CONNECT, JavaTrace.INVENTORY_TAIL)
              .causedBy(
                  "java.net.UnknownHostException: redis: Temporary failure in name resolution",
                  9,
                  RESOLVE);
      default ->
          new JavaTrace(unreachable, JavaTrace.LETTUCE_CONNECT, JavaTrace.INVENTORY_TAIL)
              .causedBy(
                  "io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection"
                      + " refused: redis/"
                      + REDIS_IP,
                  2,
                  JavaTrace.NETTY_CONNECT);
    };
  }

  /** Payment's pgx call to PostgreSQL failed. */
  void paymentPostgres(long at, Request r, Failure failure) {
    String connect = "failed to connect to `host=postgres user=payment database=payments`: ";
    String error =
        switch (failure.kind()) {
          case REFUSED ->
              connect + "dial error (dial tcp " + PG_IP + ": connect: connection refused)";
          case NO_ROUTE ->
              connect + "dial error (dial tcp " + PG_IP + ": connect: no route to host)";
          case UNKNOWN_HOST ->
              connect + "hostname resolving error (lookup postgres on 10.96.0.10:53: no such host)";
          case SERVER_ERROR ->
              failure.message().startsWith("FATAL")
                  ? connect
                      + "server error ("
                      + failure.message()
                      + " (SQLSTATE "
                      + failure.code()
                      + "))"
                  : failure.message() + " (SQLSTATE " + failure.code() + ")";
          case POOL_TIMEOUT -> "failed to acquire connection: context deadline exceeded";
          default -> "timeout: context deadline exceeded";
        };
    logs.payment.line(
        at,
        "error",
        "payment/store.go:54",
        "failed to store payment",
        r.traceId(),
        "order_id",
        r.orderId(),
        "error",
        error);
  }

  /** Checkout's RestTemplate call to {@code callee} failed. */
  void checkoutCall(
      long at, String thread, Request r, String callee, String call, Failure failure) {
    int space = call.indexOf(' ');
    boolean tls = failure.kind() == Failure.Kind.CERTIFICATE;
    String url =
        (tls ? "https://" : "http://")
            + callee
            + (tls ? ":8443" : ":8080")
            + call.substring(space + 1);
    String io =
        "org.springframework.web.client.ResourceAccessException: I/O error on "
            + call.substring(0, space)
            + " request for \""
            + url
            + "\": ";
    String client =
        callee.equals("payment")
            ? "com.example.checkout.client.PaymentClient.charge(PaymentClient.java:52)"
            : "com.example.checkout.client.InventoryClient.call(InventoryClient.java:38)";
    JavaTrace trace = restFailure(callee, failure, io, client);
    String what =
        r.kind() == Request.Kind.CART
            ? "Adding " + r.sku() + " to cart failed: " + callee + " call failed"
            : "Order " + r.orderId() + " failed: " + callee + " call failed";
    logs.checkout.line(
        at,
        "ERROR",
        thread,
        "c.e.checkout.OrderService",
        what + " traceId=" + r.traceId(),
        trace.toString());
  }

  /** The exception RestTemplate throws for {@code failure}, as checkout logs it. */
  private static JavaTrace restFailure(String callee, Failure failure, String io, String client) {
    return switch (failure.kind()) {
      case HTTP ->
          new JavaTrace(
              "org.springframework.web.client.HttpServerErrorException$"
                  + statusClass(failure.code())
                  + ": "
                  + failure.code()
                  + " "
                  + statusText(failure.code())
                  + ": \""
                  + failure.message()
                  + "\"",
              JavaTrace.REST_ERROR,
              client,
              JavaTrace.CHECKOUT_TAIL);
      case TIMEOUT -> restIo(io, "Read timed out", "java.net.SocketTimeoutException", client);
      case NO_ROUTE -> restIo(io, "No route to host", "java.net.NoRouteToHostException", client);
      case UNKNOWN_HOST ->
          restIo(
              io,
              callee + ": Temporary failure in name resolution",
              "java.net.UnknownHostException",
              client);
      case CERTIFICATE -> {
        String pkix =
            "PKIX path validation failed: java.security.cert.CertPathValidatorException:"
                + " validity check failed";
        yield new JavaTrace(io + pkix, JavaTrace.REST_CLIENT, client, JavaTrace.CHECKOUT_TAIL)
            .causedBy("javax.net.ssl.SSLHandshakeException: " + pkix, 15, JavaTrace.SSL_HANDSHAKE)
            .causedBy(
                "java.security.cert.CertificateExpiredException: " + failure.message(),
                24,
                "java.base/sun.security.x509.CertificateValidity.valid("
                    + "CertificateValidity.java:183)");
      }
      default -> restIo(io, "Connection refused", "java.net.ConnectException", client);
    };
  }

  private static JavaTrace restIo(String io, String reason, String exception, String client) {
    return new JavaTrace(io + reason, JavaTrace.REST_CLIENT, client, JavaTrace.CHECKOUT_TAIL)
        .causedBy(
            exception + ": " + reason,
            15,
            exception.endsWith("SocketTimeoutException")
                ? JavaTrace.SOCKET_READ
                : JavaTrace.SOCKET_CONNECT);
  }

  private static JavaTrace connectionAttempt(String cause, String causeFrames) {
    return new JavaTrace(
            "org.postgresql.util.PSQLException: The connection attempt failed.",
            JavaTrace.PG_CONNECT,
            JavaTrace.INVENTORY_TAIL)
        .causedBy(cause, 17, causeFrames);
  }

  private static String statusClass(String code) {
    return switch (code) {
      case "502" -> "BadGateway";
      case "503" -> "ServiceUnavailable";
      case "504" -> "GatewayTimeout";
      default -> "InternalServerError";
    };
  }

  private static String statusText(String code) {
    return switch (code) {
      case "502" -> "Bad Gateway";
      case "503" -> "Service Unavailable";
      case "504" -> "Gateway Timeout";
      default -> "Internal Server Error";
    };
  }
}
