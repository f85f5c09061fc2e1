package dev.logrca.simulate;

import java.util.Optional;

/** A fault-free run: every call behaves. */
final class NoFault implements Fault {
  @Override
  public Optional<Truth.Fault> truth() {
    return Optional.empty();
  }

  @Override
  public void tick(long second) {}

  @Override
  public Outcome call(Hop hop) {
    return Outcome.NORMAL;
  }
}
