package dev.logrca.core.template;

import java.util.HashMap;

/**
 * The results of messages a miner has just mined without changing any template, for their exact
 * repeats: a service prints many messages word for word again ({@code request completed}), and
 * while the templates stay as they are, mining one again gives the very same result. Any change to
 * the templates forgets them all. Bounded, so unique messages cannot make it grow without end.
 */
final class RepeatedMessages {
  /** Messages remembered per miner at most; the whole set is dropped when it is full. */
  static final int CAPACITY = 1024;

  private final HashMap<String, Repeat> results = new HashMap<>();
  private long templatesVersion;

  /** A remembered result and the template it joined, whose count a repeat raises. */
  record Repeat(Cluster cluster, MiningResult result) {}

  /** The repeat of {@code message}, if it was mined since the templates last changed. */
  Repeat get(String message, long version) {
    if (version != templatesVersion) {
      results.clear();
      templatesVersion = version;
      return null;
    }
    return results.get(message);
  }

  /** Remembers a result that changed nothing, mined while the templates had {@code version}. */
  void put(String message, Cluster cluster, MiningResult result, long version) {
    if (version != templatesVersion) {
      results.clear();
      templatesVersion = version;
    }
    if (results.size() >= CAPACITY) {
      results.clear();
    }
    results.put(message, new Repeat(cluster, result));
  }
}
