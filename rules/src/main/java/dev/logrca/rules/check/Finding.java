package dev.logrca.rules.check;

/**
 * One problem in a rule file, printed as {@code path:line:column: message} (a warning as {@code
 * path:line:column: warning: message}) so that an editor or CI annotation jumps to it.
 *
 * @param origin the file path (or shipped resource) the problem is in
 * @param line 1-based line
 * @param column 1-based column, 0 when Drools does not say
 * @param warning true for a lint warning, false for an error that stops the pack compiling
 * @param message what is wrong, in one line
 */
public record Finding(String origin, int line, int column, boolean warning, String message) {

  /** A lint warning. */
  public static Finding warning(String origin, int line, int column, String message) {
    return new Finding(origin, line, column, true, message);
  }

  @Override
  public String toString() {
    return origin + ":" + line + ":" + column + ": " + (warning ? "warning: " : "") + message;
  }
}
