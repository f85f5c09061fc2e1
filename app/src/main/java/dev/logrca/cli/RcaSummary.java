package dev.logrca.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The totals of an evaluation, per injected fault (a two-fault run counts twice): accuracy at 1 and
 * 3, detection delay, and false incidents per fault-free hour and day.
 */
final class RcaSummary {
  /** The detection target: one 30 s window plus 5 s after the fault's first sign. */
  static final Duration DETECTION_TARGET = Duration.ofSeconds(35);

  private final List<RcaOutcome> outcomes = new ArrayList<>();

  void add(RcaOutcome outcome) {
    outcomes.add(outcome);
  }

  boolean isEmpty() {
    return outcomes.isEmpty();
  }

  void print(PrintWriter out) {
    List<FaultScore> faults = outcomes.stream().flatMap(o -> o.scores().stream()).toList();
    List<FaultScore> categorised = faults.stream().filter(s -> s.fault().hasCategory()).toList();
    List<RcaOutcome> clean = outcomes.stream().filter(o -> !o.hasFault()).toList();
    int n = faults.size();
    long faulty = outcomes.stream().filter(RcaOutcome::hasFault).count();
    out.printf(
        Locale.ROOT,
        "runs %d with a fault, %d without; %d faults scored%n"
            + "AC@1 service %s  AC@3 service %s  incident opened in the fault window %s%n"
            + "of faults with a category: top-1 category %s  top-1 service+category %s%n",
        faulty,
        clean.size(),
        n,
        count(faults, s -> s.serviceHit(1)),
        count(faults, s -> s.serviceHit(3)),
        count(faults, FaultScore::opened),
        count(categorised, FaultScore::categoryHit),
        count(categorised, FaultScore::exactHit));
    TreeSet<String> uncategorised = new TreeSet<>();
    faults.stream()
        .filter(s -> !s.fault().hasCategory())
        .forEach(s -> uncategorised.add(s.fault().kind()));
    if (!uncategorised.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "kinds with no category (scored on the service only): %s%n",
          String.join(", ", uncategorised));
    }
    List<Long> delays =
        faults.stream()
            .filter(s -> s.delay() != null)
            .map(s -> s.delay().toSeconds())
            .sorted()
            .toList();
    long shared = faults.stream().filter(FaultScore::joined).count();
    out.printf(
        Locale.ROOT,
        "detection delay: median %s, max %s, within %ds %s (%d faults without a matching"
            + " incident, %d joined an open one)%n",
        delays.isEmpty() ? "-" : delays.get((delays.size() - 1) / 2) + "s",
        delays.isEmpty() ? "-" : delays.get(delays.size() - 1) + "s",
        DETECTION_TARGET.toSeconds(),
        count(faults, s -> s.delay() != null && s.delay().compareTo(DETECTION_TARGET) <= 0),
        faults.stream().filter(s -> s.matched() == null).count(),
        shared);
    double cleanHours = clean.stream().mapToDouble(o -> hours(o.span())).sum();
    long cleanFalse = clean.stream().mapToLong(RcaOutcome::falseIncidents).sum();
    double perHour = cleanHours == 0 ? 0.0 : cleanFalse / cleanHours;
    out.printf(
        Locale.ROOT,
        "false incidents: %d in %.2f fault-free hours (%.2f per hour, %.1f per day); %d starting"
            + " before the fault%n",
        cleanFalse,
        cleanHours,
        perHour,
        perHour * 24,
        outcomes.stream().filter(RcaOutcome::hasFault).mapToLong(RcaOutcome::falseIncidents).sum());
  }

  private static double hours(Duration span) {
    return span.toMillis() / 3_600_000.0;
  }

  private static String count(List<FaultScore> faults, Predicate<FaultScore> hit) {
    long hits = faults.stream().filter(hit).count();
    int of = faults.size();
    return String.format(
        Locale.ROOT, "%d/%d (%.0f%%)", hits, of, of == 0 ? 0.0 : 100.0 * hits / of);
  }
}
