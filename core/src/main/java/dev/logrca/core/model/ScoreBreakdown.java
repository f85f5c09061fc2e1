package dev.logrca.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a root cause's score was reached: each weighted component with its raw value and why it has
 * that value, the rules whose confidence went in, and the penalty when another candidate explains
 * this one. The score is {@link #total()}, rounded to three decimals.
 *
 * @param components the weighted terms, in the order of the formula
 * @param rules the rule conclusions that agree on this cause, with their confidence; empty for a
 *     cause only detectors flagged
 * @param explainedBy the candidate that explains this one, or null when none does
 */
public record ScoreBreakdown(
    List<Component> components, List<RuleConfidence> rules, ExplainedBy explainedBy)
    implements java.io.Serializable {

  public ScoreBreakdown {
    // plain lists: Flink's Kryo cannot copy the JDK's immutable ones
    components = components == null ? new ArrayList<>() : new ArrayList<>(components);
    rules = rules == null ? new ArrayList<>() : new ArrayList<>(rules);
  }

  /** The weighted sum, times the penalty when explained, within [0, 1]. */
  public double total() {
    double sum = 0;
    for (Component c : components) {
      sum += c.contribution();
    }
    if (explainedBy != null) {
      sum *= explainedBy.factor();
    }
    return Math.max(0, Math.min(1, sum));
  }

  /**
   * One weighted term of the score.
   *
   * @param name which term: {@code confidence}, {@code firstToGoWrong}, {@code callGraph}, {@code
   *     evidence} or {@code anomaly}
   * @param value the raw value in [0, 1]
   * @param weight its weight in the formula
   * @param reason why it has that value, for a person
   */
  public record Component(String name, double value, double weight, String reason)
      implements java.io.Serializable {
    /** What the term adds to the score: value times weight. */
    public double contribution() {
      return value * weight;
    }
  }

  /**
   * One rule conclusion that went into the confidence.
   *
   * @param rule the rule's name
   * @param confidence how sure the rule is, in [0, 1]
   */
  public record RuleConfidence(String rule, double confidence) implements java.io.Serializable {}

  /**
   * The candidate whose failure explains this one, which keeps only a share of its score.
   *
   * @param service that candidate's service
   * @param category that candidate's category
   * @param factor the share of the score kept
   * @param reason why it explains this one, for a person
   */
  public record ExplainedBy(String service, String category, double factor, String reason)
      implements java.io.Serializable {}
}
