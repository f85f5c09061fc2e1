package dev.logrca.rules;

import java.util.List;

/**
 * A rule pack that does not compile. The message lists every problem as {@code path:line:column:
 * message}, one a line, so an operator can jump to each; the pack that was running before stays in
 * use.
 */
public class RuleCompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** A failure with {@code problems}, each already formatted as {@code path:line:column: text}. */
  public RuleCompilationException(List<String> problems) {
    super("the rule pack does not compile:\n" + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code path:line:column: message}. */
  public List<String> problems() {
    return problems;
  }
}
