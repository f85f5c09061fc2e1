package dev.logrca.cli;

import dev.logrca.core.model.Incident;
import dev.logrca.core.model.RootCause;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one analysed folder compares with its truth.
 *
 * @param folder the simulator output or real run
 * @param truth what was injected
 * @param withTopology whether the job was given the topology file
 * @param scores one per injected fault, in order of start ({@link FaultScore#of})
 * @param falseIncidents incidents of a fault-free run, or that start before the first fault
 * @param span the event time the logs cover
 */
record RcaOutcome(
    Path folder,
    FaultTruth truth,
    boolean withTopology,
    List<FaultScore> scores,
    int falseIncidents,
    Duration span) {

  /**
   * A window's slack: an incident may start up to one 30 s window before the fault's first sign.
   */
  static final long SLACK_MILLIS = 30_000;

  static RcaOutcome of(
      Path folder,
      FaultTruth truth,
      boolean withTopology,
      EmbeddedRun.Result result,
      Duration span) {
    List<Incident> incidents = result.incidents();
    if (truth.faults().isEmpty()) {
      return new RcaOutcome(folder, truth, withTopology, List.of(), incidents.size(), span);
    }
    List<ExpectedFault> faults =
        truth.faults().stream().sorted(Comparator.comparing(ExpectedFault::start)).toList();
    List<FaultScore> scores = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      ExpectedFault fault = faults.get(i);
      long next = i + 1 < faults.size() ? faults.get(i + 1).start().toEpochMilli() : Long.MAX_VALUE;
      Set<String> others = new HashSet<>();
      faults.stream().filter(f -> f != fault).forEach(f -> others.add(f.service()));
      others.remove(fault.service());
      scores.add(
          FaultScore.of(
              fault, next, others, incidents, result.firstReports(), result.firstNamed()));
    }
    long start = faults.get(0).start().toEpochMilli();
    int early = (int) incidents.stream().filter(i -> i.start() < start - SLACK_MILLIS).count();
    return new RcaOutcome(folder, truth, withTopology, scores, early, span);
  }

  boolean hasFault() {
    return !scores.isEmpty();
  }

  /** The score of the first fault; the run's only one unless it has two. */
  FaultScore first() {
    return scores.get(0);
  }

  Incident matched() {
    return hasFault() ? first().matched() : null;
  }

  Duration delay() {
    return hasFault() ? first().delay() : null;
  }

  boolean serviceHit(int k) {
    return hasFault() && first().serviceHit(k);
  }

  boolean categoryHit() {
    return hasFault() && first().categoryHit();
  }

  boolean exactHit() {
    return hasFault() && first().exactHit();
  }

  /** One line per fault (a fault-free run has one line too). */
  String line() {
    if (!hasFault()) {
      return line(null);
    }
    return scores.stream().map(this::line).collect(Collectors.joining("\n"));
  }

  private String line(FaultScore score) {
    String truthText =
        score == null
            ? "none"
            : score.fault().service()
                + " "
                + (score.fault().hasCategory() ? score.fault().category() : score.fault().kind())
                + " @"
                + time(score.fault().start());
    List<RootCause> top = score == null ? List.of() : score.causes().stream().limit(3).toList();
    String predicted =
        top.stream()
            .map(
                c -> String.format(Locale.ROOT, "%s %s %.2f", c.service(), c.category(), c.score()))
            .collect(Collectors.joining(", "));
    Duration delay = score == null ? null : score.delay();
    return String.format(
        Locale.ROOT,
        "%-24s seed %-3d topo %-3s truth %-44s top3 [%s] hit@1 %s hit@3 %s exact %s opened %s"
            + " delay %s false %d",
        truth.name(),
        truth.seed(),
        withTopology ? "yes" : "no",
        truthText,
        predicted,
        mark(score, score != null && score.serviceHit(1)),
        mark(score, score != null && score.serviceHit(3)),
        mark(score, score != null && score.exactHit()),
        mark(score, score != null && score.opened()),
        delay == null
            ? (score != null && score.matched() != null ? "shared" : "-")
            : delay.toSeconds() + "s" + (score.joined() ? " (joined)" : ""),
        falseIncidents);
  }

  private static String mark(FaultScore score, boolean hit) {
    return score == null ? "-" : (hit ? "Y" : "n");
  }

  private static String time(Instant instant) {
    return instant.toString().substring(11, 19);
  }
}
