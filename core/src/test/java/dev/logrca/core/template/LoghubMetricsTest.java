package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Loghub metric definitions (GA, PA, FGA, FTA) on the cases the hand-worked example in {@link
 * ParsingEvaluatorTest} leaves open: truth groups that share a template text (Loghub's corrected
 * Linux truth has one), and precision against the parser's own group count.
 */
class LoghubMetricsTest {

  @Test
  void twoTruthGroupsWithTheSameTextAreStillTwoGroups() {
    ParsingEvaluator merged = new ParsingEvaluator();
    merged.add("p1", "session closed", "E1", "session closed");
    merged.add("p1", "session closed", "E2", "session closed");
    ParsingEvaluator apart = new ParsingEvaluator();
    apart.add("p1", "session closed", "E1", "session closed");
    apart.add("p2", "session closed", "E2", "session closed");

    ParsingEvaluator.Score together = merged.score();
    ParsingEvaluator.Score separate = apart.score();

    // one group holding both: neither truth group is matched exactly, yet every text is right
    assertThat(together.groupingAccuracy()).isZero();
    assertThat(together.parsingAccuracy()).isEqualTo(1.0);
    assertThat(together.groupF1()).isZero();
    assertThat(together.templateF1()).isZero();
    assertThat(separate.groupingAccuracy()).isEqualTo(1.0);
    assertThat(separate.templateF1()).isEqualTo(1.0);
  }

  @Test
  void precisionCountsEveryPredictedGroupRecallEveryTruthGroup() {
    // truth: one group of three lines; the parser splits it into three singletons and gets none
    // right, then one extra line in a group of its own that is right
    ParsingEvaluator evaluator = new ParsingEvaluator();
    evaluator.add("p1", "job <*> done", "A", "job <*> done");
    evaluator.add("p2", "job <*> done", "A", "job <*> done");
    evaluator.add("p3", "job <*> done", "A", "job <*> done");
    evaluator.add("p4", "disk <*> full", "B", "disk <*> full");

    ParsingEvaluator.Score score = evaluator.score();

    // correct groups 1 (B) of 4 predicted and 2 true: P = 1/4, R = 1/2, F1 = 1/3
    assertThat(score.groupingAccuracy()).isCloseTo(1.0 / 4, within(1e-9));
    assertThat(score.parsingAccuracy()).isEqualTo(1.0);
    assertThat(score.groupF1()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(score.templateF1()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(score.correctGroups()).isEqualTo(1);
    assertThat(score.correctTemplates()).isEqualTo(1);
  }
}
