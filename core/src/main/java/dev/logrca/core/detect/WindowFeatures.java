package dev.logrca.core.detect;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one window kept for training the isolation forest: its counts and the counts of its
 * busiest templates, small enough to keep a few dozen per service in keyed state.
 */
final class WindowFeatures implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Busiest templates remembered per window; the vector uses a few of them. */
  private static final int KEPT_TEMPLATES = 6;

  /** The vector's attributes before the per-template counts. */
  private static final int VOLUME_PARTS = 6;

  final long total;
  final long errors;
  final long warnings;
  final int distinctTemplates;
  final int newTemplates;
  final HashMap<String, Long> topCounts;

  /** Restored features ({@link BehaviourStateFormat}). */
  WindowFeatures(
      long total,
      long errors,
      long warnings,
      int distinctTemplates,
      int newTemplates,
      HashMap<String, Long> topCounts) {
    this.total = total;
    this.errors = errors;
    this.warnings = warnings;
    this.distinctTemplates = distinctTemplates;
    this.newTemplates = newTemplates;
    this.topCounts = topCounts;
  }

  private WindowFeatures(ServiceWindow w, HashMap<String, Long> topCounts) {
    this.total = w.total();
    this.errors = w.errors();
    this.warnings = w.warnings();
    this.distinctTemplates = w.templateCounts().size();
    this.newTemplates = w.newTemplates().size();
    this.topCounts = topCounts;
  }

  static WindowFeatures of(ServiceWindow window) {
    HashMap<String, Long> top = new HashMap<>();
    busiest(window.templateCounts(), KEPT_TEMPLATES).forEach(id -> top.put(id, window.count(id)));
    return new WindowFeatures(window, top);
  }

  /**
   * The fixed-length vector: total, errors, warnings, distinct and new templates, each through the
   * Anscombe transform {@code 2 sqrt(x + 3/8)} (which gives Poisson counts the same spread at any
   * rate, so a rare error line weighs no more than jitter in a busy template); then how far the
   * template mix lies from the usual one ({@code usualShares}, see {@link #shares}), as a total
   * variation distance in [0, 1]; then the Anscombe counts of the tracked templates. Smile's forest
   * cannot see how far beyond the training range a value lies, only on how many attributes it is
   * beyond it, so a flood of one template should show on its own count as well as on the total.
   */
  double[] vector(List<String> tracked, double[] usualShares) {
    double[] shares = shares(tracked);
    double distance = 0;
    for (int i = 0; i < shares.length; i++) {
      distance += Math.abs(shares[i] - usualShares[i]);
    }
    double[] v = new double[VOLUME_PARTS + tracked.size()];
    v[0] = anscombe(total);
    v[1] = anscombe(errors);
    v[2] = anscombe(warnings);
    v[3] = anscombe(distinctTemplates);
    v[4] = anscombe(newTemplates);
    v[5] = distance / 2;
    for (int i = 0; i < tracked.size(); i++) {
      v[VOLUME_PARTS + i] = anscombe(topCounts.getOrDefault(tracked.get(i), 0L));
    }
    return v;
  }

  /** The share of each tracked template and, last, of all the others; all 0 for an empty window. */
  double[] shares(List<String> tracked) {
    double[] shares = new double[tracked.size() + 1];
    if (total == 0) {
      return shares;
    }
    double trackedShare = 0;
    for (int i = 0; i < tracked.size(); i++) {
      shares[i] = topCounts.getOrDefault(tracked.get(i), 0L) / (double) total;
      trackedShare += shares[i];
    }
    shares[tracked.size()] = Math.max(0, 1 - trackedShare);
    return shares;
  }

  private static double anscombe(double count) {
    return 2 * Math.sqrt(count + 0.375);
  }

  /** The {@code k} busiest template ids over {@code windows}, ties by id. */
  static List<String> busiest(List<WindowFeatures> windows, int k) {
    Map<String, Long> sum = new HashMap<>();
    windows.forEach(w -> w.topCounts.forEach((id, n) -> sum.merge(id, n, Long::sum)));
    return busiest(sum, k);
  }

  /** The {@code k} template ids with the highest counts, ties by id. */
  static List<String> busiest(Map<String, Long> counts, int k) {
    List<String> ids = new ArrayList<>(counts.keySet());
    ids.sort(
        Comparator.<String>comparingLong(id -> -counts.get(id))
            .thenComparing(Comparator.naturalOrder()));
    return new ArrayList<>(ids.subList(0, Math.min(k, ids.size())));
  }
}
