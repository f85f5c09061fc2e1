package dev.logrca.rules.fact;

import java.util.NavigableSet;

/**
 * Keeps the sorted samples facts and conclusions carry bounded: the least elements stay, so that
 * whatever order lines arrive in, the same ones are kept.
 */
final class BoundedSets {
  private BoundedSets() {}

  /** Drops the greatest elements of {@code set} until at most {@code max} are left. */
  static void keepLeast(NavigableSet<?> set, int max) {
    while (set.size() > max) {
      set.pollLast();
    }
  }
}
