package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a parse against ground truth with the Loghub metrics: grouping accuracy (GA), parsing
 * accuracy (PA) and the F1 scores over groups (FGA) and templates (FTA). Feed one {@link #add line}
 * per log line, then read {@link #score()}.
 */
public final class ParsingEvaluator {
  private final List<String> predictedGroups = new ArrayList<>();
  private final List<String> predictedTemplates = new ArrayList<>();
  private final List<String> truthGroups = new ArrayList<>();
  private final List<String> truthTemplates = new ArrayList<>();

  /** The four scores, each between 0 and 1, and the group counts they came from. */
  public record Score(
      double groupingAccuracy,
      double parsingAccuracy,
      double groupF1,
      double templateF1,
      int predictedGroups,
      int truthGroups,
      int correctGroups,
      int correctTemplates) {}

  /** Records one line: the parser's group and template, and the truth's group and template. */
  public void add(
      String predictedGroup, String predictedTemplate, String truthGroup, String truthTemplate) {
    predictedGroups.add(predictedGroup);
    predictedTemplates.add(predictedTemplate);
    truthGroups.add(truthGroup);
    truthTemplates.add(truthTemplate);
  }

  /**
   * A truth group is correct when one predicted group holds exactly its lines; its template is
   * correct when, in addition, that group's template (of its first line) equals the truth's.
   */
  public Score score() {
    int lines = truthGroups.size();
    if (lines == 0) {
      throw new IllegalStateException("no lines to score");
    }
    Map<String, List<Integer>> truth = groupLines(truthGroups);
    Map<String, List<Integer>> predicted = groupLines(predictedGroups);
    int correctGroups = 0;
    int correctTemplates = 0;
    int linesInCorrectGroups = 0;
    for (List<Integer> truthLines : truth.values()) {
      int first = truthLines.get(0);
      List<Integer> predictedLines = predicted.get(predictedGroups.get(first));
      if (predictedLines.size() != truthLines.size() || !sameLines(truthLines, predictedLines)) {
        continue;
      }
      correctGroups++;
      linesInCorrectGroups += truthLines.size();
      if (predictedTemplates.get(first).equals(truthTemplates.get(first))) {
        correctTemplates++;
      }
    }
    int parsedExactly = 0;
    for (int i = 0; i < lines; i++) {
      if (predictedTemplates.get(i).equals(truthTemplates.get(i))) {
        parsedExactly++;
      }
    }
    return new Score(
        (double) linesInCorrectGroups / lines,
        (double) parsedExactly / lines,
        f1(correctGroups, predicted.size(), truth.size()),
        f1(correctTemplates, predicted.size(), truth.size()),
        predicted.size(),
        truth.size(),
        correctGroups,
        correctTemplates);
  }

  private static boolean sameLines(List<Integer> a, List<Integer> b) {
    return Set.copyOf(a).equals(Set.copyOf(b));
  }

  private static Map<String, List<Integer>> groupLines(List<String> groups) {
    Map<String, List<Integer>> lines = new LinkedHashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      lines.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
    }
    return lines;
  }

  private static double f1(int correct, int predicted, int truth) {
    if (correct == 0) {
      return 0.0;
    }
    double precision = (double) correct / predicted;
    double recall = (double) correct / truth;
    return 2 * precision * recall / (precision + recall);
  }
}
