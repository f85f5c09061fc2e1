package dev.logrca.simulate;

/**
 * Why a call failed, as the caller experiences it; each caller phrases it in its own client
 * library's words.
 *
 * @param kind the transport-level or server-level reason
 * @param message the server's own words (an SQL error, a Redis error, an HTTP body), if any
 * @param code an SQLSTATE for SQL errors or an HTTP status for HTTP errors, if any
 */
record Failure(Kind kind, String message, String code) {

  /** The reasons a call can fail. */
  enum Kind {
    /** Nothing listens on the port. */
    REFUSED,
    /** The peer did not answer in time. */
    TIMEOUT,
    /** No route to the peer's host. */
    NO_ROUTE,
    /** The peer's name does not resolve. */
    UNKNOWN_HOST,
    /** The TLS handshake failed on the peer's certificate. */
    CERTIFICATE,
    /** The caller's own connection pool had no connection to give. */
    POOL_TIMEOUT,
    /** The datastore answered with an error ({@code message}, {@code code} = SQLSTATE). */
    SERVER_ERROR,
    /** An HTTP service answered with a 5xx ({@code code} = status, {@code message} = body). */
    HTTP
  }

  static Failure of(Kind kind) {
    return new Failure(kind, null, null);
  }

  static Failure http(int status, String body) {
    return new Failure(Kind.HTTP, body, Integer.toString(status));
  }

  static Failure server(String message, String code) {
    return new Failure(Kind.SERVER_ERROR, message, code);
  }

  /** The HTTP status the failing caller answers with. */
  int status() {
    return switch (kind) {
      case HTTP -> Integer.parseInt(code);
      case TIMEOUT -> 504;
      default -> 503;
    };
  }
}
