package dev.logrca.rules.incident;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HypothesisRankerTest {
  private final HypothesisRanker ranker = new HypothesisRanker();

  private static Hypothesis hypothesis(
      String service, String category, double confidence, String lineService, double seconds) {
    LogFact line =
        new LogFact(
            line(lineService, seconds, Level.ERROR, category + " at " + seconds),
            Set.of(),
            null,
            null);
    return Hypothesis.fromLine(
        "rule for " + category, category, service, confidence, "detail", line);
  }

  @Test
  void aFailingCalleeOutranksItsCallersAndDemotesThem() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("payment", "app.exception", 0.6, "payment", 5),
                hypothesis("postgres", "dependency.down", 0.6, "postgres", 10)),
            List.of(),
            topology);
    assertThat(ranked).extracting(RootCause::service).containsExactly("postgres", "payment");
    // same confidence, and the caller even went wrong first: its score is still cut in half
    assertThat(ranked.get(1).score()).isLessThan(ranked.get(0).score() / 1.5);
  }

  @Test
  void withoutATopologyTheComplaintsThemselvesShowWhoCallsWhom() {
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("checkout", "app.exception", 0.55, "checkout", 0),
                hypothesis("redis", "dependency.down", 0.6, "checkout", 1)),
            List.of(),
            new Topology());
    assertThat(ranked.get(0).service()).isEqualTo("redis");
  }

  @Test
  void theServiceThatWentWrongFirstWinsAmongEquals() {
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("a", "resource.disk_full", 0.8, "a", 240),
                hypothesis("b", "resource.out_of_memory", 0.8, "b", 0)),
            List.of(),
            new Topology());
    assertThat(ranked).extracting(RootCause::service).containsExactly("b", "a");
  }

  @Test
  void moreConfidentRulesWinAndAgreeingRulesAddUp() {
    Hypothesis own = hypothesis("db", "dependency.down", 0.85, "db", 0);
    Hypothesis complaint = hypothesis("db", "dependency.down", 0.6, "app", 1);
    List<RootCause> alone = ranker.rank(List.of(own), List.of(), new Topology());
    List<RootCause> both = ranker.rank(List.of(own, complaint), List.of(), new Topology());
    assertThat(both).hasSize(1);
    assertThat(both.get(0).score()).isGreaterThan(alone.get(0).score());
    assertThat(both.get(0).rule()).isEqualTo("rule for dependency.down");
    assertThat(both.get(0).evidence()).hasSize(2);
  }

  @Test
  void callersComplaintsAboutAServiceThatExplainsItselfAreSymptoms() {
    Hypothesis oom = hypothesis("search", "resource.out_of_memory", 0.85, "search", 0);
    Hypothesis slow = hypothesis("search", "network.latency", 0.9, "web", 1);
    List<RootCause> ranked = ranker.rank(List.of(slow, oom), List.of(), new Topology());
    assertThat(ranked)
        .extracting(RootCause::category)
        .containsExactly("resource.out_of_memory", "network.latency");
  }

  @Test
  void anomaliesAloneRankAsUnknownAndStrongerAnomaliesScoreHigher() {
    AnomalyFact strong = new AnomalyFact(anomaly("a", AnomalyKind.ERROR_SURGE, 0, 0.99));
    AnomalyFact weak = new AnomalyFact(anomaly("b", AnomalyKind.TEMPLATE_SURGE, 0, 0.3));
    List<RootCause> ranked = ranker.rank(List.of(), List.of(weak, strong), new Topology());
    assertThat(ranked).extracting(RootCause::category).containsOnly("unknown");
    assertThat(ranked).extracting(RootCause::service).containsExactly("a", "b");
    assertThat(ranked.get(0).rule()).isEqualTo("Detectors flag ERROR_SURGE");
  }

  @Test
  void aRuleConclusionOutranksAnUnexplainedAnomaly() {
    List<RootCause> ranked =
        ranker.rank(
            List.of(hypothesis("db", "resource.disk_full", 0.85, "db", 30)),
            List.of(new AnomalyFact(anomaly("web", AnomalyKind.ERROR_SURGE, 0, 1.0))),
            new Topology());
    assertThat(ranked).extracting(RootCause::service).containsExactly("db", "web");
  }

  @Test
  void scoresStayWithinZeroAndOne() {
    List<Hypothesis> many = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(hypothesis("db", "dependency.down", 1.0, "db", i));
    }
    List<RootCause> ranked =
        ranker.rank(
            many,
            List.of(new AnomalyFact(anomaly("db", AnomalyKind.OUTLIER, 0, 1.0))),
            new Topology());
    assertThat(ranked.get(0).score()).isBetween(0.9, 1.0);
    assertThat(ranked.get(0).evidence()).hasSizeLessThanOrEqualTo(HypothesisRanker.MAX_EVIDENCE);
  }

  @Test
  void aHostThatCannotReachItsDependencyAndThatItsCallersCannotReachIsTheOneCutOff() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("postgres", "network.unreachable", 0.7, "payment", 0),
                hypothesis("payment", "network.unreachable", 0.65, "checkout", 1.5)),
            List.of(),
            topology);
    assertThat(ranked.get(0).service()).isEqualTo("payment");
  }

  @Test
  void aDependencyOthersCannotReachEitherStillExplainsItsCallers() {
    Topology topology =
        new Topology()
            .addCall("checkout", "payment")
            .addCall("payment", "postgres")
            .addCall("inventory", "postgres");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("postgres", "network.unreachable", 0.7, "payment", 0),
                hypothesis("postgres", "network.unreachable", 0.7, "inventory", 0.5),
                hypothesis("payment", "network.unreachable", 0.65, "checkout", 1.5)),
            List.of(),
            topology);
    assertThat(ranked.get(0).service()).isEqualTo("postgres");
  }
}
