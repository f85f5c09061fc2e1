package dev.logrca.simulate;

/**
 * One call on a request's path: {@code caller} calls {@code callee} at event time {@code time}.
 *
 * @param operation what is asked: an SQL statement, a Redis command or an HTTP path
 */
record Hop(String caller, String callee, long time, Request request, String operation) {
  boolean writes() {
    return operation.startsWith("INSERT")
        || operation.startsWith("UPDATE")
        || operation.startsWith("SET")
        || operation.startsWith("POST");
  }
}
