package dev.logrca.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Two independent faults close together: the scenario's fault, then 45 to 120 s later a fault of
 * another category rooted in another service. A call fails if either fault fails it, and is slowed
 * by both.
 */
final class TwoFaults implements Fault {
  static final long MIN_GAP_MS = 45_000;
  static final long MAX_GAP_MS = 120_000;

  private final Fault first;
  private final Fault second;

  TwoFaults(Fault first, Fault second) {
    this.first = first;
    this.second = second;
  }

  static TwoFaults create(Scenario scenario, long start, SystemLogs logs, SplittableRandom random) {
    String root = Shapes.pick(scenario.roots(), random);
    Fault first = Faults.create(scenario, root, start, logs, random);
    List<Scenario> others = new ArrayList<>();
    for (Scenario other : Scenario.values()) {
      boolean anotherRoot = other.roots().stream().anyMatch(r -> !r.equals(root));
      if (other != Scenario.NONE && other != scenario && anotherRoot) {
        others.add(other);
      }
    }
    Scenario next = others.get(random.nextInt(others.size()));
    List<String> roots = next.roots().stream().filter(r -> !r.equals(root)).toList();
    // whole seconds, as a fault's first second is where its root writes its first lines
    long gap = (MIN_GAP_MS + random.nextLong(MAX_GAP_MS - MIN_GAP_MS)) / 1000 * 1000;
    // The second fault draws from its own stream so that it cannot disturb the first one's.
    SplittableRandom own = random.split();
    Fault second = Faults.create(next, Shapes.pick(roots, own), start + gap, logs, own);
    return new TwoFaults(first, second);
  }

  @Override
  public Optional<Truth.Fault> truth() {
    return first.truth();
  }

  @Override
  public List<Truth.Fault> truths() {
    List<Truth.Fault> all = new ArrayList<>(first.truths());
    if (second.leftATrace()) {
      // a second fault that no request reached (the first one stopped them all) is not in the logs
      all.addAll(second.truths());
    }
    return all;
  }

  @Override
  public void tick(long second) {
    first.tick(second);
    this.second.tick(second);
  }

  @Override
  public Outcome call(Hop hop) {
    Outcome a = first.call(hop);
    if (a.failed()) {
      return a;
    }
    Outcome b = second.call(hop);
    return b.failed()
        ? Outcome.fail(a.extraMs() + b.extraMs(), b.failure())
        : Outcome.slow(a.extraMs() + b.extraMs());
  }

  @Override
  public boolean silences(String service, long time) {
    return first.silences(service, time) || second.silences(service, time);
  }
}
