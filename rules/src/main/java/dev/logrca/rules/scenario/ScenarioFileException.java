package dev.logrca.rules.scenario;

/** A scenario file that cannot be read; the message is {@code path:line:column: what is wrong}. */
public class ScenarioFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code line} and {@code column} (1-based) of {@code origin}. */
  public ScenarioFileException(String origin, int line, int column, String problem) {
    super(origin + ":" + line + ":" + column + ": " + problem);
  }
}
