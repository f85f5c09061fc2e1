package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far a service's template mix in a window lies from its usual mix, as the Jensen-Shannon
 * divergence in bits. A fault that writes no error line still changes what a service logs: a step
 * goes missing from its requests, another appears. A window whose divergence is above {@link
 * #MIN_DIVERGENCE} and far above the service's own window-to-window jitter is a {@code MIX_SHIFT}
 * that names the templates that moved most and cites the first line of those that rose.
 */
final class TemplateMixShift implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Bits; the drift threshold of the model registry's template-mix check, for the same reason. */
  static final double MIN_DIVERGENCE = 0.10;

  /** Below this many lines a window's mix is mostly sampling noise. */
  static final long MIN_LINES = 20;

  /** Divergences above the median of recent ones by more than this many MADs. */
  static final double JITTER_MADS = 6;

  /**
   * A shift alone is never sure enough to open an incident as {@code unknown} (0.9): it joins the
   * incident something else opened and makes its service a candidate there.
   */
  static final double MAX_SCORE = 0.85;

  /** A template is cited when it carries at least this part of the divergence. */
  private static final double CITED_PART = 0.1;

  /**
   * Shares below this are forgotten, so the usual mix stays as small as the service's vocabulary.
   */
  private static final double FORGET_SHARE = 1e-4;

  // package-private for BehaviourStateFormat
  final HashMap<String, Double> usual = new HashMap<>();
  final HashMap<String, String> texts = new HashMap<>();
  final ArrayDeque<Double> recent = new ArrayDeque<>();
  int windowsLearned;

  /**
   * Judges {@code window} when {@code judge} (and the usual mix has been learned over half a
   * baseline), then learns from it.
   */
  Optional<Anomaly> observe(ServiceWindow window, boolean judge, DetectorConfig config) {
    if (window.total() < MIN_LINES) {
      return Optional.empty();
    }
    Map<String, Double> shares = shares(window);
    double divergence = divergence(shares, usual);
    Optional<Anomaly> found = Optional.empty();
    if (judge && windowsLearned >= config.baselineWindows() / 2 && isShift(divergence)) {
      found = Optional.of(anomaly(window, shares, divergence, config));
    }
    learn(window, shares, divergence, config.baselineWindows());
    return found;
  }

  private boolean isShift(double divergence) {
    if (divergence < MIN_DIVERGENCE || recent.size() < 3) {
      return false;
    }
    double[] past = recent.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double median = median(past);
    double[] deviations = Arrays.stream(past).map(d -> Math.abs(d - median)).sorted().toArray();
    // the floor keeps a service whose mix never moved from calling its first wobble a shift
    double mad = Math.max(median(deviations), 0.01);
    return divergence > median + JITTER_MADS * mad;
  }

  private void learn(
      ServiceWindow window, Map<String, Double> shares, double divergence, int baseline) {
    double rate = windowsLearned < baseline ? 1.0 / (windowsLearned + 1) : 1.0 / baseline;
    Set<String> ids = new HashSet<>(usual.keySet());
    ids.addAll(shares.keySet());
    for (String id : ids) {
      double next = (1 - rate) * usual.getOrDefault(id, 0.0) + rate * shares.getOrDefault(id, 0.0);
      if (next < FORGET_SHARE) {
        usual.remove(id);
        texts.remove(id);
      } else {
        usual.put(id, next);
      }
    }
    // a template gone from a window is named by the text it last had
    window
        .templateTexts()
        .forEach(
            (id, text) -> {
              if (usual.containsKey(id) && text != null) {
                texts.put(id, text);
              }
            });
    if (windowsLearned > 0) {
      recent.addLast(divergence);
      if (recent.size() > baseline) {
        recent.removeFirst();
      }
    }
    windowsLearned++;
  }

  private Anomaly anomaly(
      ServiceWindow window, Map<String, Double> shares, double divergence, DetectorConfig config) {
    Map<String, Double> moved = contributions(shares, usual);
    List<String> byMove = new ArrayList<>(moved.keySet());
    byMove.sort(
        Comparator.<String>comparingDouble(id -> -moved.get(id))
            .thenComparing(Comparator.naturalOrder()));
    String top = byMove.get(0);
    List<Evidence> evidence = new ArrayList<>();
    for (String id : byMove) {
      // a template that only jittered upwards is not what moved
      boolean mattered = moved.get(id) >= CITED_PART * divergence;
      if (mattered && shares.getOrDefault(id, 0.0) > usual.getOrDefault(id, 0.0)) {
        evidence.addAll(window.evidenceFor(id));
      }
    }
    evidence.sort(Comparator.comparingLong(Evidence::timestamp));
    String text = window.templateTexts().getOrDefault(top, texts.get(top));
    double median = median(recent.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    double score = Math.min(MAX_SCORE, 0.5 + divergence);
    return new Anomaly(
        Anomaly.idOf(window.service(), AnomalyKind.MIX_SHIFT, window.start(), null),
        window.service(),
        AnomalyKind.MIX_SHIFT,
        window.start(),
        window.end(),
        top,
        text,
        score,
        divergence,
        median,
        evidence.subList(0, Math.min(config.maxEvidence(), evidence.size())));
  }

  private static Map<String, Double> shares(ServiceWindow window) {
    Map<String, Double> shares = new HashMap<>();
    window.templateCounts().forEach((id, n) -> shares.put(id, n / (double) window.total()));
    return shares;
  }

  /** Jensen-Shannon divergence in bits of two mixes (0 when either is empty). */
  static double divergence(Map<String, Double> p, Map<String, Double> q) {
    if (p.isEmpty() || q.isEmpty()) {
      return 0;
    }
    return contributions(p, q).values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Each template's part of the divergence: how much it moved, weighed by its shares. */
  private static Map<String, Double> contributions(Map<String, Double> p, Map<String, Double> q) {
    double pSum = p.values().stream().mapToDouble(Double::doubleValue).sum();
    double qSum = q.values().stream().mapToDouble(Double::doubleValue).sum();
    Set<String> ids = new HashSet<>(p.keySet());
    ids.addAll(q.keySet());
    Map<String, Double> parts = new HashMap<>();
    for (String id : ids) {
      double a = p.getOrDefault(id, 0.0) / pSum;
      double b = q.getOrDefault(id, 0.0) / qSum;
      double m = (a + b) / 2;
      parts.put(id, (term(a, m) + term(b, m)) / 2);
    }
    return parts;
  }

  private static double term(double x, double m) {
    return x == 0 ? 0 : x * Math.log(x / m) / Math.log(2);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
