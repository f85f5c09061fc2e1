package dev.logrca.rules.incident;

import static dev.logrca.rules.testing.Lines.anomaly;
import static dev.logrca.rules.testing.Lines.at;
import static dev.logrca.rules.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Ids;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.RootCause;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncidentBuilderTest {
  private static final Topology NONE = new Topology();
  private final IncidentBuilder builder = new IncidentBuilder(CorrelationConfig.defaults());

  private static Hypothesis said(
      String blamed, String category, double confidence, String by, double seconds) {
    LogFact line =
        new LogFact(line(by, seconds, Level.ERROR, "line at " + seconds), Set.of(), null, null);
    return Hypothesis.fromLine(
        "A rule about " + category, category, blamed, confidence, "detail", line);
  }

  private static AnomalyFact flagged(String service, double seconds, double score) {
    return new AnomalyFact(anomaly(service, AnomalyKind.ERROR_SURGE, seconds, score));
  }

  @Test
  void relatedSignalsCloseInTimeMakeOneIncidentWithADeterministicId() {
    List<Incident> first =
        builder.update(
            List.of(said("postgres", "dependency.down", 0.85, "postgres", 0)),
            List.of(),
            NONE,
            at(10));
    List<Incident> second =
        builder.update(
            List.of(said("postgres", "dependency.down", 0.6, "payment", 60)),
            List.of(flagged("payment", 60, 0.7)),
            NONE,
            at(120));

    assertThat(first)
        .singleElement()
        .satisfies(
            i ->
                assertThat(i.id())
                    .isEqualTo(
                        Ids.hash("postgres|dependency.down|" + Math.floorDiv(at(0), 300_000))));
    assertThat(second)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo(first.get(0).id());
              assertThat(i.services()).containsExactly("payment", "postgres");
              assertThat(i.start()).isEqualTo(at(0));
              assertThat(i.end()).isEqualTo(at(120));
            });
  }

  @Test
  void unrelatedServicesMakeSeparateIncidents() {
    List<Incident> incidents =
        builder.update(
            List.of(
                said("postgres", "dependency.down", 0.85, "postgres", 0),
                said("search", "resource.out_of_memory", 0.85, "search", 5)),
            List.of(),
            NONE,
            at(10));
    assertThat(incidents).hasSize(2);
    assertThat(incidents).extracting(Incident::id).doesNotHaveDuplicates();
  }

  @Test
  void theTopologyConnectsServicesThatShareNoLine() {
    Topology topology = new Topology().addCall("web", "search");
    List<Incident> incidents =
        builder.update(
            List.of(
                said("search", "resource.out_of_memory", 0.85, "search", 0),
                said("web", "app.exception", 0.55, "web", 5)),
            List.of(),
            topology,
            at(10));
    assertThat(incidents)
        .singleElement()
        .satisfies(i -> assertThat(i.services()).containsExactly("search", "web"));
  }

  @Test
  void aRepeatWhileOpenUpdatesTheIncidentAndAQuietPeriodResolvesIt() {
    String id =
        builder
            .update(
                List.of(said("db", "resource.disk_full", 0.85, "db", 0)), List.of(), NONE, at(1))
            .get(0)
            .id();
    // eight minutes later: past the group window, but a repeat of the root cause of an open
    // incident
    List<Incident> repeat =
        builder.update(
            List.of(said("db", "resource.disk_full", 0.85, "db", 480)), List.of(), NONE, at(481));
    assertThat(repeat)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo(id);
              assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
              assertThat(i.end()).isEqualTo(at(480));
              assertThat(i.rootCauses().get(0).evidence()).hasSize(2);
            });

    assertThat(builder.update(List.of(), List.of(), NONE, at(1079))).isEmpty();
    assertThat(builder.openCount()).isEqualTo(1);
    assertThat(builder.update(List.of(), List.of(), NONE, at(1080)))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo(id);
              assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
              assertThat(i.resolvedAt()).isEqualTo(at(1080));
            });
    assertThat(builder.openCount()).isZero();
    assertThat(builder.update(List.of(), List.of(), NONE, at(1090))).isEmpty();

    List<Incident> again =
        builder.update(
            List.of(said("db", "resource.disk_full", 0.85, "db", 1200)), List.of(), NONE, at(1201));
    assertThat(again).singleElement().satisfies(i -> assertThat(i.id()).isNotEqualTo(id));
  }

  @Test
  void troubleFromAnIncidentsServicesKeepsItOpen() {
    builder.update(
        List.of(said("db", "resource.disk_full", 0.85, "db", 0)), List.of(), NONE, at(1));
    builder.noteTrouble("db", at(500));
    builder.noteTrouble("elsewhere", at(900));
    assertThat(builder.update(List.of(), List.of(), NONE, at(1099))).isEmpty();
    assertThat(builder.update(List.of(), List.of(), NONE, at(1100)))
        .singleElement()
        .satisfies(i -> assertThat(i.resolvedAt()).isEqualTo(at(1100)));
  }

  @Test
  void aRepeatAfterResolutionInTheSameIdBucketStillGetsANewId() {
    IncidentBuilder quick =
        new IncidentBuilder(CorrelationConfig.defaults().withQuietPeriod(30_000));
    String first =
        quick
            .update(
                List.of(said("db", "resource.disk_full", 0.85, "db", 0)), List.of(), NONE, at(1))
            .get(0)
            .id();
    assertThat(quick.update(List.of(), List.of(), NONE, at(40))).hasSize(1);
    // 100 s later is still in the same five-minute bucket as the first incident
    List<Incident> again =
        quick.update(
            List.of(said("db", "resource.disk_full", 0.85, "db", 100)), List.of(), NONE, at(101));
    assertThat(again)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isNotEqualTo(first);
              assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
            });
  }

  @Test
  void atTheEndOfTheInputIncidentsStillWithinTheirQuietPeriodStayOpen() {
    builder.update(
        List.of(said("db", "resource.disk_full", 0.85, "db", 0)), List.of(), NONE, at(1));
    builder.update(
        List.of(said("search", "resource.out_of_memory", 0.85, "search", 500)),
        List.of(),
        NONE,
        at(501));
    List<Incident> last = builder.finish(List.of(), List.of(), NONE, at(650));
    assertThat(last)
        .extracting(i -> i.rootCauses().get(0).service() + " " + i.status())
        .containsExactly("db RESOLVED", "search OPEN");
    assertThat(last.get(1).resolvedAt()).isNull();
  }

  @Test
  void weakConclusionsAloneAreNotReported() {
    assertThat(
            builder.update(
                List.of(said("web", "network.latency", 0.45, "web", 0)), List.of(), NONE, at(1)))
        .isEmpty();
    assertThat(builder.finish(List.of(), List.of(), NONE, at(2))).isEmpty();
  }

  @Test
  void strongAnomaliesWithNoRuleMakeAnUnknownIncident() {
    List<Incident> incidents =
        builder.update(
            List.of(), List.of(flagged("cart", 0, 0.95), flagged("cart", 60, 0.97)), NONE, at(120));
    assertThat(incidents)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.rootCauses()).extracting(RootCause::category).containsExactly("unknown");
              assertThat(i.rootCauses().get(0).service()).isEqualTo("cart");
              assertThat(i.id())
                  .isEqualTo(Ids.hash("cart|unknown|" + Math.floorDiv(at(0), 300_000)));
            });
  }

  @Test
  void weakOrLoneAnomaliesAreNotReported() {
    assertThat(
            builder.update(
                List.of(),
                List.of(flagged("cart", 0, 0.6), flagged("cart", 60, 0.7)),
                NONE,
                at(120)))
        .isEmpty();
    assertThat(builder.update(List.of(), List.of(flagged("web", 600, 0.99)), NONE, at(700)))
        .isEmpty();
  }

  @Test
  void finishReturnsEveryOpenIncidentOnce() {
    builder.update(
        List.of(said("db", "resource.disk_full", 0.85, "db", 0)), List.of(), NONE, at(1));
    List<Incident> last =
        builder.finish(
            List.of(said("db", "resource.disk_full", 0.85, "db", 5)), List.of(), NONE, at(6));
    assertThat(last).singleElement().satisfies(i -> assertThat(i.end()).isEqualTo(at(5)));
    assertThat(builder.openCount()).isZero();
  }

  @Test
  void weakSignalsNeverOpenAnIncidentAndOnlyJoinOneCloseToItsStart() {
    // a lone timeout and a first-seen INFO template, four minutes before the real fault
    builder.update(
        List.of(said("payment", "network.latency", 0.45, "payment", 0)),
        List.of(flagged("payment", 0, 0.4)),
        NONE,
        at(30));
    assertThat(builder.openCount()).isZero();

    List<Incident> fault =
        builder.update(
            List.of(
                said("payment", "network.latency", 0.45, "checkout", 200),
                said("payment", "network.latency", 0.7, "checkout", 240)),
            List.of(flagged("payment", 10, 0.5)),
            NONE,
            at(270));
    // the weak sign 40 s before the sure one is its first sign; the anomaly minutes before is not
    assertThat(fault).singleElement().satisfies(i -> assertThat(i.start()).isEqualTo(at(200)));
  }

  @Test
  void aFrontEndsIncidentThatOpenedFirstTakesInTheCauseOnceTheCallGraphLinksThem() {
    // the front end's errors surge first: an unknown incident, the first one a user sees
    Incident symptom =
        builder
            .update(
                List.of(), List.of(flagged("web", 0, 0.95), flagged("web", 20, 0.97)), NONE, at(30))
            .get(0);
    // the cause speaks up, but nothing links cart and redis to web yet: an incident of its own
    List<Incident> cause =
        builder.update(
            List.of(said("redis", "dependency.down", 0.85, "cart", 40)), List.of(), NONE, at(45));
    assertThat(cause).singleElement().satisfies(i -> assertThat(i.id()).isNotEqualTo(symptom.id()));

    // the call graph learned from the logs now shows web calling cart: one fault, one incident
    Topology learned = new Topology().addCall("web", "cart").addCall("cart", "redis");
    List<Incident> merged =
        builder.update(
            List.of(said("redis", "dependency.down", 0.85, "cart", 50)),
            List.of(),
            learned,
            at(55));

    assertThat(merged).extracting(Incident::id).containsExactly(cause.get(0).id(), symptom.id());
    assertThat(merged.get(0).status()).isEqualTo(IncidentStatus.RESOLVED);
    Incident one = merged.get(1);
    assertThat(one.status()).isEqualTo(IncidentStatus.OPEN);
    assertThat(one.start()).isEqualTo(at(0));
    assertThat(one.services()).containsExactly("cart", "redis", "web");
    assertThat(one.rootCauses().get(0).service()).isEqualTo("redis");
    assertThat(one.rootCauses().get(0).category()).isEqualTo("dependency.down");
    assertThat(builder.openCount()).isOne();
  }

  @Test
  void aSignalThatBelongsToTwoOpenIncidentsJoinsThemUnderTheOneReportedFirst() {
    String first =
        builder
            .update(
                List.of(said("checkout", "app.exception", 0.6, "checkout", 0)),
                List.of(),
                NONE,
                at(5))
            .get(0)
            .id();
    String second =
        builder
            .update(
                List.of(said("postgres", "resource.disk_full", 0.85, "postgres", 20)),
                List.of(),
                NONE,
                at(25))
            .get(0)
            .id();
    // payment's line names postgres and is logged by checkout's callee: it links both incidents
    Topology topology = new Topology().addCall("checkout", "payment");
    LogFact refused =
        new LogFact(
            line("payment", 30, Level.ERROR, "could not write to postgres"), Set.of(), null, null);
    Hypothesis bridge =
        Hypothesis.fromLine("A rule", "resource.disk_full", "postgres", 0.7, "detail", refused);
    List<Incident> updates = builder.update(List.of(bridge), List.of(), topology, at(35));

    assertThat(updates).extracting(Incident::id).containsExactly(second, first);
    assertThat(updates.get(0).status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(updates.get(1).rootCauses().get(0).service()).isEqualTo("postgres");
    assertThat(updates.get(1).services()).containsExactly("checkout", "payment", "postgres");
  }

  @Test
  void incidentsFarApartInTimeStaySeparateThoughTheCallGraphLinksThem() {
    Topology topology = new Topology().addCall("web", "cart");
    builder.update(
        List.of(), List.of(flagged("web", 0, 0.95), flagged("web", 20, 0.97)), topology, at(30));
    builder.update(
        List.of(said("cart", "resource.disk_full", 0.85, "cart", 500)),
        List.of(),
        topology,
        at(505));
    assertThat(builder.openCount()).isEqualTo(2);
  }
}
