package dev.logrca.cli;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import dev.logrca.flink.EmbeddedRun;
import dev.logrca.simulate.Truth;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How one analysed folder compares with its truth.
 *
 * @param folder the simulator output
 * @param truth what was injected
 * @param withTopology whether the job was given the topology file
 * @param matched the incident scored against the fault (the first that ends at or after its start,
 *     with a window's slack), null if none or no fault
 * @param delay event time from the fault's start to {@code matched}'s first report, null if none
 * @param falseIncidents incidents of a fault-free run, or that start before the fault
 * @param span the event time the logs cover
 */
record RcaOutcome(
    Path folder,
    Truth truth,
    boolean withTopology,
    Incident matched,
    Duration delay,
    int falseIncidents,
    Duration span) {

  /**
   * A window's slack: an incident may start up to one 30 s window before the fault's first sign.
   */
  static final long SLACK_MILLIS = 30_000;

  static RcaOutcome of(
      Path folder, Truth truth, boolean withTopology, EmbeddedRun.Result result, Duration span) {
    List<Incident> incidents = result.incidents();
    if (truth.faults().isEmpty()) {
      return new RcaOutcome(folder, truth, withTopology, null, null, incidents.size(), span);
    }
    long start = truth.faults().get(0).start().toEpochMilli();
    int early = (int) incidents.stream().filter(i -> i.start() < start - SLACK_MILLIS).count();
    Incident matched =
        incidents.stream()
            .filter(i -> i.end() >= start - SLACK_MILLIS)
            .min(Comparator.comparingLong(Incident::start))
            .orElse(null);
    Duration delay = null;
    if (matched != null) {
      Incident first = result.firstReports().getOrDefault(matched.id(), matched);
      delay = Duration.ofMillis(Math.max(0, first.end() - start));
    }
    return new RcaOutcome(folder, truth, withTopology, matched, delay, early, span);
  }

  boolean hasFault() {
    return !truth.faults().isEmpty();
  }

  Truth.Fault fault() {
    return truth.faults().get(0);
  }

  List<RootCause> top(int k) {
    return matched == null ? List.of() : matched.rootCauses().stream().limit(k).toList();
  }

  /** The root service is among the first {@code k} causes. */
  boolean serviceHit(int k) {
    return hasFault() && top(k).stream().anyMatch(c -> c.service().equals(fault().service()));
  }

  /** The first cause names the root category (whatever the service). */
  boolean categoryHit() {
    return hasFault() && top(1).stream().anyMatch(c -> c.category().equals(fault().category()));
  }

  /** The first cause names both the root service and its category. */
  boolean exactHit() {
    return serviceHit(1) && categoryHit();
  }

  String line() {
    String truthText =
        hasFault()
            ? fault().service() + " " + fault().category() + " @" + time(fault().start())
            : "none";
    String predicted =
        top(3).stream()
            .map(
                c -> String.format(Locale.ROOT, "%s %s %.2f", c.service(), c.category(), c.score()))
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%-24s seed %-3d topo %-3s truth %-44s top3 [%s] hit@1 %s hit@3 %s exact %s delay %s"
            + " false %d",
        truth.scenario(),
        truth.seed(),
        withTopology ? "yes" : "no",
        truthText,
        predicted,
        mark(serviceHit(1)),
        mark(serviceHit(3)),
        mark(exactHit()),
        delay == null ? "-" : delay.toSeconds() + "s",
        falseIncidents);
  }

  private String mark(boolean hit) {
    return hasFault() ? (hit ? "Y" : "n") : "-";
  }

  private static String time(Instant instant) {
    return instant.toString().substring(11, 19);
  }
}
