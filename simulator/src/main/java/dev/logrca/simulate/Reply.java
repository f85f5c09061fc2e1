package dev.logrca.simulate;

/**
 * A service's answer to one call: HTTP status, when it was sent and, for a 5xx, the failure the
 * caller sees.
 */
record Reply(int status, long end, Failure failure) {
  static Reply ok(int status, long end) {
    return new Reply(status, end, null);
  }

  static Reply failed(Failure cause, long end) {
    int status = cause.status();
    String body =
        status == 504 ? "{\"error\":\"upstream timeout\"}" : "{\"error\":\"service unavailable\"}";
    return new Reply(status, end, Failure.http(status, body));
  }

  static Reply error(int status, String body, long end) {
    return new Reply(status, end, Failure.http(status, body));
  }

  boolean failed() {
    return failure != null;
  }
}
