package dev.logrca.web;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How the console is served: where it listens, the token every request must carry (required off
 * loopback), the one origin allowed to call the API from another site (none by default) and the
 * time budget of each query.
 *
 * @param bind the address and port; port 0 picks a free one
 * @param token the token requests must carry, or null on loopback only
 * @param corsOrigin the origin allowed cross-site calls (e.g. {@code https://grafana.example}), or
 *     null for none
 * @param queryBudget how long one search or histogram may run before it is answered 400
 */
public record ServeSettings(
    InetSocketAddress bind, String token, String corsOrigin, Duration queryBudget) {
  /** The address used when none is given. */
  public static final String DEFAULT_BIND = "127.0.0.1:8080";

  /** The time budget of one query when none is given. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

  public ServeSettings {
    if (bind == null) {
      throw new IllegalArgumentException("say where to listen, e.g. " + DEFAULT_BIND);
    }
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException("the token is empty");
    }
    if (token == null && !isLoopback(bind)) {
      throw new IllegalArgumentException(
          "listening on "
              + bind.getHostString()
              + " lets other machines in: give --token-file with a secret token, or bind"
              + " 127.0.0.1");
    }
    if (corsOrigin != null && !corsOrigin.matches("https?://[A-Za-z0-9.-]+(:[0-9]+)?")) {
      throw new IllegalArgumentException(
          "a CORS origin is a scheme, host and optional port, e.g. https://grafana.example:3000,"
              + " not '"
              + corsOrigin
              + "'");
    }
    queryBudget = queryBudget == null ? DEFAULT_BUDGET : queryBudget;
  }

  /** Loopback on the default budget, without token or CORS. */
  public static ServeSettings loopback(int port) {
    return new ServeSettings(new InetSocketAddress("127.0.0.1", port), null, null, null);
  }

  /**
   * The address of {@code text}: {@code host:port}, {@code [v6]:port}, {@code :port} or {@code
   * port} (loopback), or {@code host} (port 8080).
   */
  public static InetSocketAddress parseBind(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("the address to listen on is empty");
    }
    int colon = t.lastIndexOf(':');
    boolean bareV6 = t.indexOf(':') != colon && !t.startsWith("[");
    String host = colon < 0 || bareV6 ? t : t.substring(0, colon);
    String port = colon < 0 || bareV6 ? "8080" : t.substring(colon + 1);
    if (host.matches("[0-9]+") && colon < 0) {
      port = host;
      host = "127.0.0.1";
    }
    host = host.isEmpty() ? "127.0.0.1" : host.replace("[", "").replace("]", "");
    try {
      int p = Integer.parseInt(port);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return new InetSocketAddress(host, p);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + port + "' is not a port (0..65535)", e);
    }
  }

  private static boolean isLoopback(InetSocketAddress bind) {
    return bind.getAddress() != null && bind.getAddress().isLoopbackAddress();
  }
}
