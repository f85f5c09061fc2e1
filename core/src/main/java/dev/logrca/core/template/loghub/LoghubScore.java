package dev.logrca.core.template.loghub;

import dev.logrca.core.template.ParsingEvaluator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a parse against a Loghub ground truth, line by line aligned on {@code LineId}: the truth's
 * lines are the ones scored, each must have a parsed line.
 *
 * <p>A ground-truth group is, by default, the lines that share one truth template text, as
 * Loghub-2.0's evaluator groups them: the corrected Linux truth keeps three event ids whose
 * templates read identically (they differ only in a value the truth itself marks {@code <*>}),
 * which no parser could split without breaking the template text. {@link TruthGroups#EVENT_ID}
 * groups by the truth's {@code EventId} instead, for comparison with the older evaluator.
 */
public final class LoghubScore {
  /** What makes two truth lines one group. */
  public enum TruthGroups {
    /** Lines with the same truth template text (Loghub-2.0). */
    TEMPLATE,
    /** Lines with the same truth {@code EventId} (the original logparser evaluator). */
    EVENT_ID
  }

  private LoghubScore() {}

  /** {@link #of(MinedFile, List, TruthGroups)} with truth groups by template text. */
  public static ParsingEvaluator.Score of(MinedFile mined, List<StructuredLine> truth) {
    return of(mined, truth, TruthGroups.TEMPLATE);
  }

  /** {@link #of(List, List, TruthGroups)} with truth groups by template text. */
  public static ParsingEvaluator.Score of(List<StructuredLine> parsed, List<StructuredLine> truth) {
    return of(parsed, truth, TruthGroups.TEMPLATE);
  }

  private static String group(StructuredLine expected, TruthGroups groups) {
    return groups == TruthGroups.TEMPLATE ? expected.template() : expected.eventId();
  }

  /**
   * Scores the lines of a mined file (line {@code i} has LineId {@code i + 1}) by their final
   * templates.
   *
   * @throws IllegalArgumentException when a truth LineId is not a line of the file
   */
  public static ParsingEvaluator.Score of(
      MinedFile mined, List<StructuredLine> truth, TruthGroups groups) {
    ParsingEvaluator evaluator = new ParsingEvaluator();
    for (StructuredLine expected : truth) {
      long index = expected.lineId() - 1;
      if (index < 0 || index >= mined.lines()) {
        throw new IllegalArgumentException(
            "truth LineId "
                + expected.lineId()
                + " is not a line of "
                + mined.file()
                + " ("
                + mined.lines()
                + " lines)");
      }
      int line = (int) index;
      evaluator.add(
          mined.eventId(line),
          mined.template(line).orElse(""),
          group(expected, groups),
          expected.template());
    }
    return evaluator.score();
  }

  /**
   * Scores a structured CSV's rows (as {@code logrca parse} writes them) against the truth's.
   *
   * @throws IllegalArgumentException when the parse repeats a LineId or lacks one of the truth's
   */
  public static ParsingEvaluator.Score of(
      List<StructuredLine> parsed, List<StructuredLine> truth, TruthGroups groups) {
    Map<Long, StructuredLine> byLineId = new HashMap<>();
    for (StructuredLine line : parsed) {
      if (byLineId.put(line.lineId(), line) != null) {
        throw new IllegalArgumentException("the parse has LineId " + line.lineId() + " twice");
      }
    }
    ParsingEvaluator evaluator = new ParsingEvaluator();
    for (StructuredLine expected : truth) {
      StructuredLine got = byLineId.get(expected.lineId());
      if (got == null) {
        throw new IllegalArgumentException("the parse has no LineId " + expected.lineId());
      }
      evaluator.add(got.eventId(), got.template(), group(expected, groups), expected.template());
    }
    return evaluator.score();
  }
}
