package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.simulate.Truth;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RcaOutcomeTest {
  private static final Instant FAULT = Instant.parse("2026-11-27T10:06:00Z");
  private static final long T = FAULT.toEpochMilli();

  private static RootCause cause(String service, String category, double score) {
    return new RootCause(service, category, score, "rule", "summary", List.of());
  }

  private static Incident incident(String id, long start, long end, RootCause... causes) {
    return new Incident(id, start, end, List.of("a"), List.of(causes));
  }

  private static FaultTruth truth(String service, String category) {
    return FaultTruth.of(new Truth("s", 1, List.of(new Truth.Fault(service, category, FAULT))));
  }

  private static EmbeddedRun.Result result(Map<String, Incident> first, Incident... incidents) {
    return new EmbeddedRun.Result(List.of(incidents), first, Map.of(), Map.of(), Duration.ZERO);
  }

  @Test
  void scoresTheFirstIncidentAtOrAfterTheFaultAndCountsEarlierOnesAsFalse() {
    Incident noise = incident("n", T - 240_000, T - 200_000, cause("payment", "unknown", 0.4));
    Incident real =
        incident(
            "r",
            T + 1_000,
            T + 300_000,
            cause("checkout", "network.latency", 0.7),
            cause("redis", "network.latency", 0.6));
    Incident firstReport = incident("r", T + 1_000, T + 45_000);
    RcaOutcome outcome =
        RcaOutcome.of(
            Path.of("x"),
            truth("redis", "network.latency"),
            true,
            result(Map.of("r", firstReport), noise, real),
            Duration.ofMinutes(10));

    assertThat(outcome.matched()).isEqualTo(real);
    assertThat(outcome.serviceHit(1)).isFalse();
    assertThat(outcome.serviceHit(3)).isTrue();
    assertThat(outcome.categoryHit()).isTrue();
    assertThat(outcome.exactHit()).isFalse();
    assertThat(outcome.delay()).isEqualTo(Duration.ofSeconds(45));
    assertThat(outcome.falseIncidents()).isEqualTo(1);
    assertThat(outcome.line()).contains("hit@1 n", "hit@3 Y", "delay 45s", "false 1");
  }

  @Test
  void summarisesAccuracyDelayAndFalseIncidentsPerFaultFreeHour() {
    Incident hit = incident("h", T, T + 60_000, cause("redis", "network.latency", 0.7));
    RcaSummary summary = new RcaSummary();
    summary.add(
        RcaOutcome.of(
            Path.of("a"),
            truth("redis", "network.latency"),
            true,
            result(Map.of(), hit),
            Duration.ofMinutes(10)));
    summary.add(
        RcaOutcome.of(
            Path.of("b"),
            truth("postgres", "dependency.down"),
            false,
            result(Map.of()),
            Duration.ofMinutes(10)));
    summary.add(
        RcaOutcome.of(
            Path.of("c"),
            FaultTruth.of(new Truth("none", 1, List.of())),
            false,
            result(Map.of(), hit),
            Duration.ofMinutes(30)));
    StringWriter text = new StringWriter();
    summary.print(new PrintWriter(text));

    assertThat(text.toString())
        .contains("runs 2 with a fault, 1 without; 2 faults scored")
        .contains("AC@1 service 1/2 (50%)")
        .contains("median 60s, max 60s, within 35s 0/2 (0%) (1 faults without a matching")
        .contains("false incidents: 1 in 0.50 fault-free hours (2.00 per hour, 48.0 per day)");
  }

  private static FaultTruth twoFaults() {
    return FaultTruth.of(
        new Truth(
            "s",
            1,
            List.of(
                new Truth.Fault("postgres", "dependency.down", FAULT),
                new Truth.Fault("payment", "config.error", FAULT.plusSeconds(90)))));
  }

  @Test
  void twoFaultsInSeparateIncidentsAreEachScoredAgainstTheirOwn() {
    Incident first =
        incident("a", T + 2_000, T + 60_000, cause("postgres", "dependency.down", 0.9));
    Incident second = incident("b", T + 91_000, T + 200_000, cause("payment", "config.error", 0.8));
    RcaOutcome outcome =
        RcaOutcome.of(
            Path.of("x"),
            twoFaults(),
            true,
            result(Map.of("b", incident("b", T + 91_000, T + 120_000)), second, first),
            Duration.ofMinutes(10));

    assertThat(outcome.scores()).hasSize(2);
    assertThat(outcome.scores().get(0).matched()).isEqualTo(first);
    assertThat(outcome.scores().get(0).exactHit()).isTrue();
    assertThat(outcome.scores().get(1).matched()).isEqualTo(second);
    assertThat(outcome.scores().get(1).exactHit()).isTrue();
    assertThat(outcome.scores().get(1).delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(outcome.line().lines()).hasSize(2);
  }

  @Test
  void aSecondFaultJoiningAnOpenIncidentIsNotMissedForTheFirstFaultsRoot() {
    Incident both =
        incident(
            "a",
            T + 2_000,
            T + 300_000,
            cause("postgres", "dependency.down", 0.9),
            cause("frontend", "app.exception", 0.5),
            cause("payment", "config.error", 0.4));
    RcaOutcome outcome =
        RcaOutcome.of(
            Path.of("x"), twoFaults(), false, result(Map.of(), both), Duration.ofMinutes(10));

    FaultScore second = outcome.scores().get(1);
    assertThat(second.matched()).isEqualTo(both);
    assertThat(second.serviceHit(1)).isFalse();
    assertThat(second.serviceHit(3)).isTrue();
    assertThat(second.delay()).isNull();
    assertThat(outcome.line()).contains("delay shared");
    assertThat(summaryOf(outcome)).contains("2 faults scored", "AC@3 service 2/2", "1 joined");
  }

  @Test
  void aFaultOnlyInAnotherFaultsIncidentListIsScoredWithoutTheOtherRoot() {
    Incident both =
        incident(
            "a",
            T + 2_000,
            T + 300_000,
            cause("postgres", "dependency.down", 0.9),
            cause("payment", "config.error", 0.4));
    RcaOutcome outcome =
        RcaOutcome.of(
            Path.of("x"), twoFaults(), false, result(Map.of(), both), Duration.ofMinutes(10));

    assertThat(outcome.scores().get(1).serviceHit(1)).isTrue();
    assertThat(outcome.scores().get(1).categoryHit()).isTrue();
  }

  @Test
  void aJoiningFaultIsDetectedWhenTheOpenIncidentFirstNamesItsRoot() {
    // payment joined the causes 12 s after its fault began at T + 90 s
    Map<String, Map<String, Long>> named =
        Map.of("a", Map.of("postgres", T + 3_000, "payment", T + 102_000));
    RcaOutcome outcome = joiningPayment(named);

    FaultScore second = outcome.scores().get(1);
    assertThat(second.joined()).isTrue();
    assertThat(second.delay()).isEqualTo(Duration.ofSeconds(12));
    assertThat(outcome.line()).contains("delay 12s (joined)");
    assertThat(summaryOf(outcome)).contains("1 joined an open one");
  }

  @Test
  void aJoiningFaultWhoseRootWasAlreadyASymptomIsDetectedWhenItsOwnCauseIsNamed() {
    // payment was listed as unknown from T + 5 s; its config.error came 20 s after its fault began
    Map<String, Map<String, Long>> named =
        Map.of(
            "a",
            Map.of(
                "payment", T + 5_000,
                "payment|unknown", T + 5_000,
                "payment|config.error", T + 110_000));
    RcaOutcome outcome = joiningPayment(named);

    assertThat(outcome.scores().get(1).delay()).isEqualTo(Duration.ofSeconds(20));
  }

  /** The two faults, payment's joining postgres's incident; {@code named} as the run saw it. */
  private static RcaOutcome joiningPayment(Map<String, Map<String, Long>> named) {
    Incident both =
        incident(
            "a",
            T + 2_000,
            T + 300_000,
            cause("postgres", "dependency.down", 0.9),
            cause("payment", "config.error", 0.4));
    return RcaOutcome.of(
        Path.of("x"),
        twoFaults(),
        false,
        new EmbeddedRun.Result(List.of(both), Map.of(), named, Map.of(), Duration.ZERO),
        Duration.ofMinutes(10));
  }

  private static String summaryOf(RcaOutcome outcome) {
    RcaSummary summary = new RcaSummary();
    summary.add(outcome);
    StringWriter text = new StringWriter();
    summary.print(new PrintWriter(text));
    return text.toString();
  }
}
