package dev.logrca.rules.fact;

import java.io.Serializable;
import java.util.Set;
import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * A line whose template is new to its service and came back at least three times within a minute of
 * the {@code NEW_TEMPLATE} anomaly that flagged it: a pattern, not a one-off. The shipped rule "A
 * template new to its service keeps coming back" inserts one for each such line that matches a
 * signature; a rule asks for the signature it cares about ({@code Recurring( signals contains
 * "overload" )}) and concludes from {@link #getLine()} and {@link #getAnomaly()}.
 */
@Role(Role.Type.EVENT)
@Timestamp("timestamp")
@Expires("10m")
public final class Recurring implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LogFact line;
  private final AnomalyFact anomaly;

  /** {@code line}, one of those that make {@code anomaly}'s new template a pattern. */
  public Recurring(LogFact line, AnomalyFact anomaly) {
    this.line = line;
    this.anomaly = anomaly;
  }

  /** The line. */
  public LogFact getLine() {
    return line;
  }

  /** The anomaly that flagged the line's template as new. */
  public AnomalyFact getAnomaly() {
    return anomaly;
  }

  /** The line's time. */
  public long getTimestamp() {
    return line.getTimestamp();
  }

  /** The line's service. */
  public String getService() {
    return line.getService();
  }

  /** The signatures the line matches. */
  public Set<String> getSignals() {
    return line.getSignals();
  }

  /** Whether the line is ERROR or FATAL. */
  public boolean isError() {
    return line.isError();
  }

  /** Whether the line is TRACE, DEBUG or INFO. */
  public boolean isRoutine() {
    return line.isRoutine();
  }

  /** Whether the line matches a signature that names a cause. */
  public boolean isExplained() {
    return line.isExplained();
  }

  @Override
  public String toString() {
    return "Recurring[" + line + "]";
  }
}
