package dev.logrca.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The totals of an evaluation: accuracy at 1 and 3, detection delay, false incidents. */
final class RcaSummary {
  private final List<RcaOutcome> outcomes = new ArrayList<>();

  void add(RcaOutcome outcome) {
    outcomes.add(outcome);
  }

  void print(PrintWriter out) {
    List<RcaOutcome> faulty = outcomes.stream().filter(RcaOutcome::hasFault).toList();
    List<RcaOutcome> clean = outcomes.stream().filter(o -> !o.hasFault()).toList();
    int n = faulty.size();
    out.printf(
        Locale.ROOT,
        "runs %d with a fault, %d without%n"
            + "AC@1 service %s  AC@3 service %s  top-1 category %s  top-1 service+category %s%n",
        n,
        clean.size(),
        ratio(faulty.stream().filter(o -> o.serviceHit(1)).count(), n),
        ratio(faulty.stream().filter(o -> o.serviceHit(3)).count(), n),
        ratio(faulty.stream().filter(RcaOutcome::categoryHit).count(), n),
        ratio(faulty.stream().filter(RcaOutcome::exactHit).count(), n));
    List<Long> delays =
        faulty.stream()
            .filter(o -> o.delay() != null)
            .map(o -> o.delay().toSeconds())
            .sorted()
            .toList();
    out.printf(
        Locale.ROOT,
        "detection delay: median %s, max %s (%d runs without a matching incident)%n",
        delays.isEmpty() ? "-" : delays.get((delays.size() - 1) / 2) + "s",
        delays.isEmpty() ? "-" : delays.get(delays.size() - 1) + "s",
        n - delays.size());
    double cleanHours = clean.stream().mapToDouble(o -> hours(o.span())).sum();
    long cleanFalse = clean.stream().mapToLong(RcaOutcome::falseIncidents).sum();
    out.printf(
        Locale.ROOT,
        "false incidents: %d in %.2f fault-free hours (%.1f per hour); %d starting before the"
            + " fault%n",
        cleanFalse,
        cleanHours,
        cleanHours == 0 ? 0.0 : cleanFalse / cleanHours,
        faulty.stream().mapToLong(RcaOutcome::falseIncidents).sum());
  }

  private static double hours(Duration span) {
    return span.toMillis() / 3_600_000.0;
  }

  private static String ratio(long hits, int of) {
    return String.format(
        Locale.ROOT, "%d/%d (%.0f%%)", hits, of, of == 0 ? 0.0 : 100.0 * hits / of);
  }
}
