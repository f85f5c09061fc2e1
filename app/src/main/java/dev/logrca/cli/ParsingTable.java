package dev.logrca.cli;

import dev.logrca.core.template.ParsingEvaluator;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The table of {@code logrca eval parsing}: one row per system, then the averages. GA groups the
 * truth by template text (Loghub-2.0); {@code GA-id} is the same with the truth grouped by event
 * id, as the original logparser evaluator did.
 */
final class ParsingTable {
  private static final String ROW = "%-12s %6.3f %6.3f %6.3f %6.3f %6.3f %6d %6d %7d%n";

  private final PrintWriter out;
  private final double[] sums = new double[5];
  private int rows;

  ParsingTable(PrintWriter out) {
    this.out = out;
  }

  void printHeader() {
    out.printf(
        Locale.ROOT,
        "%-12s %6s %6s %6s %6s %6s %6s %6s %7s%n",
        "system",
        "GA",
        "PA",
        "FGA",
        "FTA",
        "GA-id",
        "pred",
        "truth",
        "lines");
  }

  void printRow(String system, ParsingEvaluator.Score score, double gaByEventId, int lines) {
    out.printf(
        Locale.ROOT,
        ROW,
        system,
        score.groupingAccuracy(),
        score.parsingAccuracy(),
        score.groupF1(),
        score.templateF1(),
        gaByEventId,
        score.predictedGroups(),
        score.truthGroups(),
        lines);
    sums[0] += score.groupingAccuracy();
    sums[1] += score.parsingAccuracy();
    sums[2] += score.groupF1();
    sums[3] += score.templateF1();
    sums[4] += gaByEventId;
    rows++;
    out.flush();
  }

  /** The unweighted mean of each score over the systems, as the benchmark reports it. */
  void printAverage() {
    if (rows == 0) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "%-12s %6.3f %6.3f %6.3f %6.3f %6.3f%n",
        "average",
        sums[0] / rows,
        sums[1] / rows,
        sums[2] / rows,
        sums[3] / rows,
        sums[4] / rows);
    out.flush();
  }
}
