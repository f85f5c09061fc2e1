package dev.logrca.simulate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A fault whose first signs are only warnings: for 40 to 70 s the root writes what a real system
 * writes before that kind of fault ({@link Precursors}: slow queries before an outage, a failing
 * WAL archive before a full disk, a certificate about to expire), then the scenario's fault begins.
 * The truth's start is the first warning. A bad release is the exception: it cannot warn before it
 * is deployed, so the release itself comes first and its own warnings fill the time before its
 * errors; the start is still the first sign, the release.
 */
final class WarningsFirst implements Fault {
  static final long MIN_LEAD_MS = 40_000;

  private final Fault fault;
  private final String root;
  private final long start;
  private final Precursors precursors;
  private final SplittableRandom random;
  private long next;

  WarningsFirst(
      Fault fault,
      String root,
      long start,
      long errorsFrom,
      SystemLogs logs,
      SplittableRandom random) {
    this.fault = fault;
    this.root = root;
    this.start = start;
    this.precursors = Precursors.of(fault, root, errorsFrom, logs, random);
    this.random = random;
    this.next = start;
  }

  @Override
  public Optional<Truth.Fault> truth() {
    return fault
        .truth()
        .map(t -> new Truth.Fault(t.service(), t.category(), Instant.ofEpochMilli(start)));
  }

  @Override
  public List<Truth.Fault> truths() {
    return truth().stream().toList();
  }

  @Override
  public void tick(long second) {
    fault.tick(second);
    while (second >= start - 999 && next < second + 1000) {
      long at = Math.max(next, second);
      if (!fault.silences(root, at) && precursors.speaksAt(at)) {
        precursors.write(at);
      }
      next = at + 2500 + random.nextInt(5000);
    }
  }

  @Override
  public Outcome call(Hop hop) {
    Outcome outcome = fault.call(hop);
    if (outcome.failed()
        || !hop.callee().equals(root)
        || hop.time() < start
        || !precursors.slows()) {
      return outcome;
    }
    return Outcome.slow(outcome.extraMs() + 40 + random.nextInt(300));
  }

  @Override
  public boolean silences(String service, long time) {
    return fault.silences(service, time);
  }
}
