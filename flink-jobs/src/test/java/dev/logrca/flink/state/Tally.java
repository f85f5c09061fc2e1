package dev.logrca.flink.state;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/** A small state class for serializer tests: counts per name. Its format must not change. */
final class Tally implements Serializable {
  private static final long serialVersionUID = 1L;

  final TreeMap<String, Long> counts = new TreeMap<>();

  Tally add(String name, long n) {
    counts.merge(name, n, Long::sum);
    return this;
  }

  Map<String, Long> counts() {
    return counts;
  }
}
