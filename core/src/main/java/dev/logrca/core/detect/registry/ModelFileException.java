package dev.logrca.core.detect.registry;

/** A model file that cannot be read as a logrca model: corrupt, foreign or of a newer format. */
public final class ModelFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
