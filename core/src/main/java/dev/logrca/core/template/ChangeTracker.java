package dev.logrca.core.template;

import java.util.HashMap;
import java.util.Map;

/**
 * What one {@code mine} call did to the templates: the text each had before it was first rewritten,
 * and whether any id was retired. Allocation-free for the common message that changes nothing.
 */
final class ChangeTracker {
  private final Map<Integer, String> textsBefore = new HashMap<>();
  private boolean retired;

  void reset() {
    if (!textsBefore.isEmpty()) {
      textsBefore.clear();
    }
    retired = false;
  }

  /** Called before {@code cluster} gets new tokens; only its first text in a call is kept. */
  void rewriting(Cluster cluster) {
    textsBefore.putIfAbsent(cluster.id, cluster.text());
  }

  void retiring() {
    retired = true;
  }

  /** True when this call gave {@code cluster} a new text or merged another template into it. */
  boolean changed(Cluster cluster) {
    // most calls rewrite nothing: no lookup, and no boxed id, for them
    return retired || (!textsBefore.isEmpty() && !textBefore(cluster).equals(cluster.text()));
  }

  /** The text {@code cluster} had before this call. */
  String textBefore(Cluster cluster) {
    return textsBefore.isEmpty()
        ? cluster.text()
        : textsBefore.getOrDefault(cluster.id, cluster.text());
  }
}
