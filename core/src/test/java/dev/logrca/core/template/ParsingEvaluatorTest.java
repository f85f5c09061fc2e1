package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ParsingEvaluatorTest {

  /**
   * Six lines, truth groups A = {0,1,2} "a <*>", B = {3,4} "b", C = {5} "c <*>". The parser puts
   * {0,1,2} together with template "a <*>" (group right, text right), {3} and {4} apart with
   * template "b" (group wrong, text right), {5} alone with "c x" (group right, text wrong).
   *
   * <p>GA = (3 + 1) / 6; PA = lines 0-4 = 5 / 6; predicted groups 4, truth groups 3, correct groups
   * 2 (A, C) so FGA = 2PR/(P+R) with P = 2/4, R = 2/3 = 4/7; correct templates 1 (A), so FTA with P
   * = 1/4, R = 1/3 = 2/7.
   */
  @Test
  void scoresAHandWorkedExample() {
    ParsingEvaluator evaluator = new ParsingEvaluator();
    evaluator.add("p1", "a <*>", "A", "a <*>");
    evaluator.add("p1", "a <*>", "A", "a <*>");
    evaluator.add("p1", "a <*>", "A", "a <*>");
    evaluator.add("p2", "b", "B", "b");
    evaluator.add("p3", "b", "B", "b");
    evaluator.add("p4", "c x", "C", "c <*>");

    ParsingEvaluator.Score score = evaluator.score();

    assertThat(score.groupingAccuracy()).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(score.parsingAccuracy()).isCloseTo(5.0 / 6, within(1e-9));
    assertThat(score.groupF1()).isCloseTo(4.0 / 7, within(1e-9));
    assertThat(score.templateF1()).isCloseTo(2.0 / 7, within(1e-9));
    assertThat(score.predictedGroups()).isEqualTo(4);
    assertThat(score.truthGroups()).isEqualTo(3);
  }

  @Test
  void aGroupThatAlsoHoldsAForeignLineIsWrong() {
    ParsingEvaluator evaluator = new ParsingEvaluator();
    evaluator.add("p", "x", "A", "x");
    evaluator.add("p", "x", "A", "x");
    evaluator.add("p", "x", "B", "y");

    ParsingEvaluator.Score score = evaluator.score();

    assertThat(score.groupingAccuracy()).isZero();
    assertThat(score.parsingAccuracy()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(score.groupF1()).isZero();
  }
}
