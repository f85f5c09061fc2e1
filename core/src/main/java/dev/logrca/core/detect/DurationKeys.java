package dev.logrca.core.detect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keys that name a duration ({@code rt}, {@code took}, {@code duration_ms}, {@code elapsedMs}),
 * with what a plain number under them is worth in milliseconds: the unit the key's suffix names,
 * else the convention of its software.
 */
final class DurationKeys {
  /** A slot's scale when the key before it names a duration but no unit: the number's shape. */
  static final double BY_SHAPE = -1;

  /**
   * Keys that name a duration, lower case, without a unit suffix or separators, with what a plain
   * number under them is worth in milliseconds.
   */
  private static final Map<String, Double> KEYS = new TreeMap<>();

  static {
    // nginx's $request_time and $upstream_response_time are seconds with millisecond resolution
    for (String key : List.of("rt", "urt", "requesttime", "upstreamresponsetime")) {
      KEYS.put(key, 1000.0);
    }
    for (String key :
        List.of(
            "duration",
            "elapsed",
            "latency",
            "took",
            "responsetime",
            "timetaken",
            "durationtime",
            // MySQL's slow query log, "# Query_time: 2.000123  Lock_time: 0.000051"
            "querytime")) {
      KEYS.put(key, BY_SHAPE);
    }
  }

  private static final Remembered<Double> SCALES = new Remembered<>(DurationKeys::scaleOfKey);

  private DurationKeys() {}

  /**
   * What a plain number under {@code key} is worth in milliseconds: the unit its suffix names, the
   * convention of its software, {@link #BY_SHAPE}, or NaN when the key names no duration.
   */
  static double scale(String key) {
    return SCALES.of(key);
  }

  private static double scaleOfKey(String key) {
    Stem stem = stem(key);
    Double convention = KEYS.get(stem.name);
    if (convention == null) {
      return LoggedDuration.NONE;
    }
    return Double.isNaN(stem.unit) ? convention : stem.unit;
  }

  private record Stem(String name, double unit) {}

  /** The key lower-cased without separators, and the unit its suffix names (NaN if none). */
  private static Stem stem(String key) {
    // a nested field ("attr.durationMillis") is named by its last part
    String last = key.substring(key.lastIndexOf('.') + 1);
    String k = last.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    for (String suffix : List.of("millis", "msec", "ms", "us", "ns", "seconds", "secs", "sec")) {
      if (k.endsWith(suffix) && k.length() > suffix.length()) {
        String name = k.substring(0, k.length() - suffix.length());
        if (KEYS.containsKey(name)) {
          return new Stem(name, DurationUnits.millis(suffix));
        }
      }
    }
    // "durations" or "durationS": a plain s suffix only when what is left is a known key
    if (k.endsWith("s") && KEYS.containsKey(k.substring(0, k.length() - 1))) {
      return new Stem(k.substring(0, k.length() - 1), 1000);
    }
    return new Stem(k, Double.NaN);
  }
}
