package dev.logrca.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One ranked explanation of an incident: which service, what kind of failure, how sure, and the
 * lines that prove it.
 *
 * @param service the service at fault
 * @param category one of the {@link Category} ids
 * @param score ranking score in [0, 1], higher is more probable
 * @param rule the name of the rule that concluded it (or the detector, for {@code unknown})
 * @param summary one sentence for a person
 * @param evidence the supporting lines, earliest first
 * @param breakdown how the score was reached, or null when not known (an incident stored before
 *     breakdowns, or made by hand)
 */
public record RootCause(
    String service,
    String category,
    double score,
    String rule,
    String summary,
    List<Evidence> evidence,
    ScoreBreakdown breakdown)
    implements java.io.Serializable {

  public RootCause {
    evidence = evidence == null ? new ArrayList<>() : new ArrayList<>(evidence);
  }

  /** A root cause without a score breakdown. */
  public RootCause(
      String service,
      String category,
      double score,
      String rule,
      String summary,
      List<Evidence> evidence) {
    this(service, category, score, rule, summary, evidence, null);
  }
}
