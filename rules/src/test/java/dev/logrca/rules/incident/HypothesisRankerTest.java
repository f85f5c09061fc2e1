package dev.logrca.rules.incident;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.model.ScoreBreakdown;
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
  void aCalleeWhoseLinesOnlyFellOffWhileItsCallersFailGetsNoCreditForItsCallers() {
    Topology topology = new Topology().addCall("checkout", "payment");
    AnomalyFact drop = new AnomalyFact(anomaly("payment", AnomalyKind.TEMPLATE_DROP, 30, 0.9));
    AnomalyFact surge = new AnomalyFact(anomaly("payment", AnomalyKind.ERROR_SURGE, 30, 0.9));
    Hypothesis checkout = hypothesis("checkout", "config.error", 0.7, "checkout", 0);

    ScoreBreakdown starved =
        byService(ranker.rank(List.of(checkout), List.of(drop), topology), "payment");
    ScoreBreakdown failing =
        byService(ranker.rank(List.of(checkout), List.of(drop, surge), topology), "payment");
    assertThat(term(starved, HypothesisRanker.CALL_GRAPH).value()).isZero();
    assertThat(term(starved, HypothesisRanker.CALL_GRAPH).reason())
        .isEqualTo("only its lines fell off: fewer calls reach it");
    assertThat(term(failing, HypothesisRanker.CALL_GRAPH).value()).isEqualTo(1.0);
  }

  private static ScoreBreakdown byService(List<RootCause> ranked, String service) {
    return byCause(ranked, service).breakdown();
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
  void everyBreakdownAddsUpToItsScore() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("payment", "app.exception", 0.6, "payment", 5),
                hypothesis("postgres", "dependency.down", 0.85, "postgres", 3),
                hypothesis("postgres", "dependency.down", 0.6, "payment", 4)),
            List.of(
                new AnomalyFact(anomaly("payment", AnomalyKind.ERROR_SURGE, 0, 0.93)),
                new AnomalyFact(anomaly("cart", AnomalyKind.OUTLIER, 0, 0.4))),
            topology);
    assertThat(ranked).hasSize(3);
    for (RootCause cause : ranked) {
      ScoreBreakdown b = cause.breakdown();
      double sum =
          b.components().stream().mapToDouble(ScoreBreakdown.Component::contribution).sum();
      double factor = b.explainedBy() == null ? 1 : b.explainedBy().factor();
      assertThat(Math.round(sum * factor * 1000) / 1000.0)
          .as(cause.service())
          .isEqualTo(cause.score());
      assertThat(b.components())
          .extracting(ScoreBreakdown.Component::name, ScoreBreakdown.Component::weight)
          .containsExactly(
              tuple(HypothesisRanker.CONFIDENCE, 0.45),
              tuple(HypothesisRanker.FIRST_TO_GO_WRONG, 0.15),
              tuple(HypothesisRanker.CALL_GRAPH, 0.15),
              tuple(HypothesisRanker.EVIDENCE, 0.15),
              tuple(HypothesisRanker.ANOMALY, 0.10));
    }
  }

  @Test
  void theBreakdownSaysWhoWentFirstWhoCallsWhomAndWhoExplainsWhom() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("postgres", "dependency.down", 0.85, "postgres", 3),
                hypothesis("payment", "app.exception", 0.6, "payment", 5)),
            List.of(new AnomalyFact(anomaly("payment", AnomalyKind.ERROR_SURGE, 0, 0.93))),
            topology);

    ScoreBreakdown postgres = ranked.get(0).breakdown();
    assertThat(postgres.explainedBy()).isNull();
    assertThat(postgres.rules())
        .containsExactly(new ScoreBreakdown.RuleConfidence("rule for dependency.down", 0.85));
    assertThat(term(postgres, HypothesisRanker.CONFIDENCE).reason())
        .isEqualTo("rule 'rule for dependency.down'");
    assertThat(term(postgres, HypothesisRanker.FIRST_TO_GO_WRONG).value()).isEqualTo(1.0);
    assertThat(term(postgres, HypothesisRanker.FIRST_TO_GO_WRONG).reason())
        .isEqualTo("first sign 10:00:03, 2 s before payment");
    assertThat(term(postgres, HypothesisRanker.CALL_GRAPH).value()).isEqualTo(1.0);
    assertThat(term(postgres, HypothesisRanker.CALL_GRAPH).reason()).isEqualTo("called by payment");

    ScoreBreakdown payment = ranked.get(1).breakdown();
    assertThat(payment.explainedBy().service()).isEqualTo("postgres");
    assertThat(payment.explainedBy().category()).isEqualTo("dependency.down");
    assertThat(payment.explainedBy().factor()).isEqualTo(0.5);
    assertThat(term(payment, HypothesisRanker.FIRST_TO_GO_WRONG).reason())
        .isEqualTo("first sign 10:00:05, 2 s after postgres");
    assertThat(term(payment, HypothesisRanker.CALL_GRAPH).value()).isZero();
    assertThat(term(payment, HypothesisRanker.ANOMALY).value()).isEqualTo(0.93);
  }

  @Test
  void aServiceThatSaysItselfWhatIsWrongExplainsItsCallersComplaintsAboutIt() {
    Hypothesis oom = hypothesis("search", "resource.out_of_memory", 0.85, "search", 0);
    Hypothesis slow = hypothesis("search", "network.latency", 0.9, "web", 1);
    ScoreBreakdown latency =
        ranker.rank(List.of(slow, oom), List.of(), new Topology()).get(1).breakdown();
    assertThat(latency.explainedBy().service()).isEqualTo("search");
    assertThat(latency.explainedBy().category()).isEqualTo("resource.out_of_memory");
    assertThat(term(latency, HypothesisRanker.CALL_GRAPH).reason())
        .isEqualTo("only its callers complain");
  }

  private static ScoreBreakdown.Component term(ScoreBreakdown b, String name) {
    return b.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aHostThatCannotReachItsDependencyAndThatItsCallersCannotReachIsTheOneCutOff() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    assertThat(
            topService(
                topology,
                hypothesis("postgres", "network.unreachable", 0.7, "payment", 0),
                hypothesis("payment", "network.unreachable", 0.65, "checkout", 1.5)))
        .isEqualTo("payment");
  }

  @Test
  void aServerThatLosesTheConnectionsOfTheOneClientCutOffIsNotTheOneCutOff() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    // postgres itself says its clients' connections break, which payment cut off brings about as
    // much as postgres cut off
    assertThat(
            topService(
                topology,
                hypothesis("postgres", "network.unreachable", 0.55, "postgres", 0),
                hypothesis("postgres", "network.unreachable", 0.7, "payment", 0.5),
                hypothesis("payment", "network.unreachable", 0.65, "checkout", 1.5)))
        .isEqualTo("payment");
    // a server's report of trouble of its own (a shutdown) is no sign of a client cut off
    assertThat(
            topService(
                topology,
                hypothesis("postgres", "dependency.down", 0.55, "postgres", 0),
                hypothesis("postgres", "dependency.down", 0.6, "payment", 0.5),
                hypothesis("payment", "dependency.down", 0.6, "checkout", 1.5)))
        .isEqualTo("postgres");
    // when only the server speaks, no caller is there to be cut off
    assertThat(
            topService(
                topology, hypothesis("postgres", "network.unreachable", 0.55, "postgres", 0)))
        .isEqualTo("postgres");
  }

  private String topService(Topology topology, Hypothesis... hypotheses) {
    return ranker.rank(List.of(hypotheses), List.of(), topology).get(0).service();
  }

  @Test
  void aDependencyOthersCannotReachEitherStillExplainsItsCallers() {
    Topology topology =
        new Topology()
            .addCall("checkout", "payment")
            .addCall("payment", "postgres")
            .addCall("inventory", "postgres");
    assertThat(
            topService(
                topology,
                hypothesis("postgres", "network.unreachable", 0.7, "payment", 0),
                hypothesis("postgres", "network.unreachable", 0.7, "inventory", 0.5),
                hypothesis("payment", "network.unreachable", 0.65, "checkout", 1.5)))
        .isEqualTo("postgres");
  }

  @Test
  void aServiceThatCannotResolveNamesIsNotExplainedByTheDependenciesItCannotReach() {
    Topology topology =
        new Topology()
            .addCall("checkout", "inventory")
            .addCall("inventory", "redis")
            .addCall("inventory", "postgres");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("inventory", "dns.resolution", 0.7, "inventory", 0),
                // only inventory cannot reach redis: the lines are inventory's own
                hypothesis("redis", "dependency.down", 0.55, "inventory", 1.9),
                hypothesis("inventory", "dependency.down", 0.55, "checkout", 1.7)),
            List.of(),
            topology);
    RootCause dns = ranked.get(0);
    assertThat(dns.service()).isEqualTo("inventory");
    assertThat(dns.category()).isEqualTo("dns.resolution");
    assertThat(dns.breakdown().explainedBy()).isNull();
    // without the callers' complaints about inventory, inventory's own trouble explains redis
    RootCause redis =
        ranker
            .rank(
                List.of(
                    hypothesis("inventory", "dns.resolution", 0.7, "inventory", 0),
                    hypothesis("redis", "dependency.down", 0.55, "inventory", 1.9)),
                List.of(),
                topology)
            .get(1);
    assertThat(redis.service()).isEqualTo("redis");
    assertThat(redis.breakdown().explainedBy().reason())
        .isEqualTo(
            "only inventory complains about it, and inventory says itself what keeps it from"
                + " reaching anything (dns.resolution)");
  }

  @Test
  void aDependencyDownStillExplainsTheExceptionsItsCallerThrows() {
    Topology topology = new Topology().addCall("inventory", "redis");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("inventory", "app.exception", 0.55, "inventory", 0),
                hypothesis("redis", "dependency.down", 0.55, "inventory", 0)),
            List.of(),
            topology);
    assertThat(ranked.get(0).service()).isEqualTo("redis");
  }

  @Test
  void aServiceStarvedOfCpuIsNotExplainedByTheCalleesItBlamesForItsOwnSlowness() {
    Topology topology = new Topology().addCall("checkout", "inventory");
    List<RootCause> ranked =
        ranker.rank(
            List.of(
                hypothesis("checkout", "resource.cpu_saturation", 0.7, "checkout", 0),
                // checkout's slow requests, put down to its one callee
                hypothesis("inventory", "network.latency", 0.7, "checkout", 15),
                // and its slowness, in its own words
                hypothesis("checkout", "network.latency", 0.9, "checkout", 10)),
            List.of(),
            topology);
    assertThat(ranked.get(0).service()).isEqualTo("checkout");
    assertThat(ranked.get(0).category()).isEqualTo("resource.cpu_saturation");
    RootCause slow =
        ranked.stream()
            .filter(r -> r.service().equals("checkout") && r.category().equals("network.latency"))
            .findFirst()
            .orElseThrow();
    assertThat(slow.breakdown().explainedBy().reason())
        .isEqualTo("its slowness follows from what checkout says itself (resource.cpu_saturation)");
  }

  @Test
  void aDatabaseThatRanOutOfDiskWentDownForThatReason() {
    Topology topology = new Topology().addCall("inventory", "postgres");
    // PostgreSQL's PANIC on a full disk and its shutdown a moment later: the surer conclusion is
    // the shutdown, but the full disk is why
    Hypothesis disk = hypothesis("postgres", "resource.disk_full", 0.7, "postgres", 0);
    Hypothesis down = hypothesis("postgres", "dependency.down", 0.85, "postgres", 0.2);
    List<RootCause> ranked = ranker.rank(List.of(down, disk), List.of(), topology);
    assertThat(ranked.get(0).category()).isEqualTo("resource.disk_full");
    assertThat(ranked.get(1).breakdown().explainedBy().reason())
        .isEqualTo("its going down follows from what postgres says itself (resource.disk_full)");
    assertThat(term(ranked.get(1).breakdown(), HypothesisRanker.CALL_GRAPH).reason())
        .isEqualTo("down because of its own resource.disk_full");
    // a disk that filled minutes after the database went down did not take it down
    Hypothesis later = hypothesis("postgres", "resource.disk_full", 0.7, "postgres", 300);
    List<RootCause> apart = ranker.rank(List.of(down, later), List.of(), topology);
    assertThat(apart.get(0).category()).isEqualTo("dependency.down");
    assertThat(apart.get(0).breakdown().explainedBy()).isNull();
  }

  @Test
  void aDatabaseThatWarnedItCouldNotKeepUpAndThenShutDownWentDown() {
    Topology topology = new Topology().addCall("inventory", "postgres");
    // lock waits and forced checkpoints for a minute, the callers' timeouts, then the shutdown:
    // the slowness came first and gathers more agreeing rules, but the outage is what broke
    Hypothesis slow = hypothesis("postgres", "network.latency", 0.9, "postgres", 0);
    Hypothesis down = hypothesis("postgres", "dependency.down", 0.85, "postgres", 60);
    List<RootCause> ranked = ranker.rank(List.of(slow, down), List.of(), topology);
    assertThat(ranked.get(0).category()).isEqualTo("dependency.down");
    assertThat(ranked.get(1).breakdown().explainedBy().reason())
        .isEqualTo("its slowness came with its going down, which postgres says itself");
    assertThat(term(ranked.get(1).breakdown(), HypothesisRanker.CALL_GRAPH).reason())
        .isEqualTo("slow as it went down");
  }

  @Test
  void aServiceThatShutDownForItsReleaseFailedByTheRelease() {
    Topology topology = new Topology().addCall("checkout", "inventory");
    // "Graceful shutdown complete", then "Starting InventoryApplication v3.2.0" a second later and
    // errors from then on: the shutdown, with its callers' failures, reads surer than the release
    Hypothesis down = hypothesis("inventory", "dependency.down", 0.97, "inventory", 0);
    Hypothesis release = hypothesis("inventory", "deploy.bad_release", 0.9, "inventory", 1);
    List<RootCause> ranked = ranker.rank(List.of(down, release), List.of(), topology);
    assertThat(ranked.get(0).category()).isEqualTo("deploy.bad_release");
    assertThat(ranked.get(1).breakdown().explainedBy().reason())
        .isEqualTo("it went down to restart into a release, which inventory says itself");
    assertThat(term(ranked.get(1).breakdown(), HypothesisRanker.CALL_GRAPH).reason())
        .isEqualTo("down only to restart into its release");
    // a release minutes after the service went down is how it came back, not why it went down
    Hypothesis later = hypothesis("inventory", "deploy.bad_release", 0.9, "inventory", 120);
    List<RootCause> apart = ranker.rank(List.of(down, later), List.of(), topology);
    assertThat(apart.get(0).category()).isEqualTo("dependency.down");
    assertThat(apart.get(0).breakdown().explainedBy()).isNull();
  }

  @Test
  void aDependencyThatFailedMinutesLaterDoesNotExplainAnEarlierFault() {
    Topology topology =
        new Topology().addCall("checkout", "inventory").addCall("inventory", "postgres");
    List<RootCause> twoFaults =
        ranker.rank(
            List.of(
                hypothesis("checkout", "resource.cpu_saturation", 0.7, "checkout", 0),
                // a second, independent fault 90 s later
                hypothesis("postgres", "resource.disk_full", 0.85, "postgres", 90)),
            List.of(),
            topology);
    assertThat(byService(twoFaults, "checkout").explainedBy()).isNull();

    // a callee's own first line trailing its caller's first complaint by seconds is its cause
    List<RootCause> oneFault =
        ranker.rank(
            List.of(
                hypothesis("inventory", "app.exception", 0.55, "inventory", 5),
                hypothesis("postgres", "dependency.down", 0.8, "postgres", 14)),
            List.of(),
            topology);
    assertThat(byService(oneFault, "inventory").explainedBy().reason())
        .isEqualTo(
            "depends on postgres (dependency.down, 0.80 sure), which went wrong within 9 s of it");
  }

  @Test
  void aServiceOnlyDetectorsFlagIsExplainedByTheServiceItsFlaggedLinesBlame() {
    Topology topology =
        new Topology().addCall("checkout", "payment").addCall("payment", "postgres");
    var refused =
        line("postgres", 13, Level.ERROR, "password authentication failed for user \"payment\"");
    Hypothesis credentials =
        Hypothesis.fromLine(
            "Credentials are rejected",
            "config.error",
            "payment",
            0.6,
            "uses credentials that are rejected",
            new LogFact(refused, Set.of("credentials"), null, "payment"));
    // the connection's own line comes a moment before the refusal, and no rule cites it: postgres
    // went wrong first, so only its lines' blame can explain it
    var connection =
        line("postgres", 12.9, Level.INFO, "connection received: host=10.0.2.14 port=51234");
    AnomalyFact flagged =
        new AnomalyFact(anomaly("postgres", AnomalyKind.NEW_TEMPLATE, 0, 0.9, connection, refused));
    AnomalyFact unrelated = new AnomalyFact(anomaly("postgres", AnomalyKind.ERROR_SURGE, 0, 0.9));

    RootCause blamed =
        byCause(ranker.rank(List.of(credentials), List.of(flagged), topology), "postgres");
    assertThat(blamed.breakdown().explainedBy().service()).isEqualTo("payment");
    assertThat(blamed.breakdown().explainedBy().reason())
        .isEqualTo(
            "no rule blames it, and the lines the detectors flag in it are evidence that payment"
                + " is at fault (config.error)");
    assertThat(term(blamed.breakdown(), HypothesisRanker.CALL_GRAPH).reason())
        .isEqualTo("its flagged lines blame payment");
    // lines nobody's conclusion cites leave postgres where its callers put it
    RootCause own =
        byCause(ranker.rank(List.of(credentials), List.of(unrelated), topology), "postgres");
    assertThat(own.breakdown().explainedBy()).isNull();
    assertThat(own.score()).isGreaterThan(blamed.score());
  }

  @Test
  void aServiceOnlyDetectorsFlagWentWrongWithItsFirstFlaggedLineNotWithItsWindow() {
    Hypothesis checkout = hypothesis("checkout", "app.exception", 0.6, "checkout", 10);
    // the window began at 0 s, but its first error came at 20 s, after checkout's
    AnomalyFact surge =
        new AnomalyFact(
            anomaly(
                "payment",
                AnomalyKind.ERROR_SURGE,
                0,
                0.9,
                line("payment", 20, Level.ERROR, "charge failed")));
    List<RootCause> ranked = ranker.rank(List.of(checkout), List.of(surge), new Topology());
    assertThat(term(byCause(ranked, "checkout").breakdown(), HypothesisRanker.FIRST_TO_GO_WRONG))
        .extracting(ScoreBreakdown.Component::value)
        .isEqualTo(1.0);
    assertThat(term(byCause(ranked, "payment").breakdown(), HypothesisRanker.FIRST_TO_GO_WRONG))
        .extracting(ScoreBreakdown.Component::value)
        .isEqualTo(Math.round(Math.exp(-10 / 60.0) * 10_000) / 10_000.0);
  }

  private static RootCause byCause(List<RootCause> ranked, String service) {
    return ranked.stream().filter(r -> r.service().equals(service)).findFirst().orElseThrow();
  }
}
