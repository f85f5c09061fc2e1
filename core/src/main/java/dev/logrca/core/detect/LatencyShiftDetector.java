package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flags a template whose lines report durations many times longer than it usually does: a
 * database's statements that took 2 ms now take 200, a service's requests that completed in 40 ms
 * now take seconds. The lines themselves may say nothing wrong; PostgreSQL logs a slow statement at
 * LOG. A window is judged against the template's usual duration (the median of its recent windows'
 * medians) and its usual slow end (the median of their 90th percentiles): LATENCY_SHIFT when a
 * fifth of its lines, and at least {@value #MIN_SLOW} of them, took five times its usual duration
 * and twice its usual slow end. A template with a long tail has that tail in its baseline, and a
 * single slow line is no shift.
 */
public final class LatencyShiftDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How many times its usual duration a line must take to count as slow. */
  static final double FACTOR = 5;

  /** How many times its usual slow end (90th percentile) a line must take to count as slow. */
  static final double TAIL_FACTOR = 2;

  /** A slow line took at least this much longer than usual: 2 ms to 12 ms is no news. */
  static final double MIN_RISE_MILLIS = 20;

  /** Fewest slow lines in a window for a shift. */
  static final long MIN_SLOW = 4;

  /** Smallest share of a window's durations that must be slow. */
  static final double MIN_SLOW_SHARE = 0.2;

  /** Fewest durations a window needs to teach the baseline. */
  static final long MIN_LEARN = 3;

  /** Fewest learned windows before a template is judged. */
  static final int MIN_HISTORY = 4;

  /**
   * The highest score: a shift alone never reaches the score at which anomalies open an incident on
   * their own; a rule must make something of it.
   */
  static final double MAX_SCORE = 0.85;

  // package-private for BehaviourStateFormat
  final DetectorConfig config;
  final HashMap<String, History> templates = new HashMap<>();
  long windowsSeen;

  public LatencyShiftDetector(DetectorConfig config) {
    this.config = config;
  }

  /**
   * Judges {@code window} against the templates' usual durations when {@code judge} is true (after
   * the warm-up), then learns from it.
   */
  public List<Anomaly> observe(ServiceWindow window, boolean judge) {
    List<Anomaly> result = judge ? detect(window) : new ArrayList<>();
    learn(window);
    return result;
  }

  /** Judges a window cut short by the end of the input, without learning from it. */
  public List<Anomaly> observePartial(ServiceWindow window) {
    return detect(window);
  }

  private List<Anomaly> detect(ServiceWindow window) {
    List<Anomaly> result = new ArrayList<>();
    for (Map.Entry<String, DurationSketch> e : new TreeMap<>(window.durations()).entrySet()) {
      History history = templates.get(e.getKey());
      if (history != null && history.size() >= MIN_HISTORY) {
        Anomaly a = judge(window, e.getKey(), e.getValue(), history);
        if (a != null) {
          result.add(a);
        }
      }
    }
    return result;
  }

  private Anomaly judge(ServiceWindow window, String id, DurationSketch sketch, History history) {
    double usual = history.usual();
    double threshold =
        Math.max(
            Math.max(FACTOR * usual, TAIL_FACTOR * history.usualTail()), usual + MIN_RISE_MILLIS);
    long slow = sketch.countAtLeast(threshold);
    if (slow < MIN_SLOW || slow < MIN_SLOW_SHARE * sketch.count()) {
      return null;
    }
    double slowMedian = sketch.medianAtLeast(threshold);
    List<Evidence> evidence = new ArrayList<>();
    Evidence first = sketch.firstLineAtLeast(threshold);
    evidence.add(first != null ? first : window.firstLineByTemplate().get(id));
    evidence.remove(null);
    return Anomalies.of(
        window,
        AnomalyKind.LATENCY_SHIFT,
        id,
        score(slowMedian / Math.max(usual, 1e-3)),
        slowMedian,
        usual,
        evidence,
        config.maxEvidence());
  }

  /** 0.5 at {@link #FACTOR} times the usual duration, 0.1 more per doubling, at most 0.85. */
  static double score(double ratio) {
    double doublings = Math.log(Math.max(ratio, FACTOR) / FACTOR) / Math.log(2);
    return Math.min(MAX_SCORE, 0.5 + 0.1 * doublings);
  }

  private void learn(ServiceWindow window) {
    windowsSeen++;
    window
        .durations()
        .forEach(
            (id, sketch) -> {
              if (sketch.count() >= MIN_LEARN) {
                History history =
                    templates.computeIfAbsent(id, k -> new History(config.baselineWindows()));
                history.add(sketch.quantile(0.5), sketch.quantile(0.9), windowsSeen);
              }
            });
    // a template not timed for as long as four baselines has its history forgotten
    templates.values().removeIf(h -> windowsSeen - h.lastWindow > 4L * config.baselineWindows());
  }

  /** The medians and 90th percentiles of a template's last learned windows. */
  static final class History implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] medians;
    final double[] tails;
    int size;
    int next;
    long lastWindow;

    History(int capacity) {
      medians = new double[capacity];
      tails = new double[capacity];
    }

    void add(double median, double tail, long window) {
      medians[next] = median;
      tails[next] = tail;
      next = (next + 1) % medians.length;
      size = Math.min(size + 1, medians.length);
      lastWindow = window;
    }

    int size() {
      return size;
    }

    double usual() {
      return medianOf(medians);
    }

    double usualTail() {
      return medianOf(tails);
    }

    private double medianOf(double[] values) {
      double[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      int mid = size / 2;
      return size % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
  }
}
