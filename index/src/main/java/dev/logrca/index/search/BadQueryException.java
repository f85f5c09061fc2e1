package dev.logrca.index.search;

/**
 * A search request that cannot run, with a message written for the person who typed it (an HTTP
 * front end answers it with 400).
 */
public class BadQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BadQueryException(String message) {
    super(message);
  }

  public BadQueryException(String message, Throwable cause) {
    super(message, cause);
  }
}
