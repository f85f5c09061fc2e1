package dev.logrca.core.template.loghub;

import dev.logrca.core.template.ParsingEvaluator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a parse against a Loghub ground truth, line by line aligned on {@code LineId}: the truth's
 * lines are the ones scored, each must have a parsed line.
 */
public final class LoghubScore {
  private LoghubScore() {}

  /**
   * Scores the lines of a mined file (line {@code i} has LineId {@code i + 1}) by their final
   * templates.
   *
   * @throws IllegalArgumentException when a truth LineId is not a line of the file
   */
  public static ParsingEvaluator.Score of(MinedFile mined, List<StructuredLine> truth) {
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
          expected.eventId(),
          expected.template());
    }
    return evaluator.score();
  }

  /**
   * Scores a structured CSV's rows (as {@code logrca parse} writes them) against the truth's.
   *
   * @throws IllegalArgumentException when the parse repeats a LineId or lacks one of the truth's
   */
  public static ParsingEvaluator.Score of(List<StructuredLine> parsed, List<StructuredLine> truth) {
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
      evaluator.add(got.eventId(), got.template(), expected.eventId(), expected.template());
    }
    return evaluator.score();
  }
}
