package dev.logrca.core.detect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A value worked out once per text (a template, a field name) and kept. Past {@link
 * #MAX_REMEMBERED} texts all are forgotten at once: templates are few, their texts bounded.
 */
final class Remembered<V> {
  /** Texts remembered at most. */
  private static final int MAX_REMEMBERED = 100_000;

  private final Map<String, V> cache = new ConcurrentHashMap<>();
  private final Function<String, V> work;

  Remembered(Function<String, V> work) {
    this.work = work;
  }

  /** {@code work} of {@code key}, worked out once. */
  V of(String key) {
    V known = cache.get(key);
    if (known == null) {
      if (cache.size() >= MAX_REMEMBERED) {
        cache.clear();
      }
      known = work.apply(key);
      cache.put(key, known);
    }
    return known;
  }
}
