package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a window's error count and each template's count with robust baselines (median and MAD
 * of the last windows): ERROR_SURGE and TEMPLATE_SURGE when a count is far above its usual level,
 * TEMPLATE_DROP when a steady template falls silent. A service that always logs a few errors has
 * that in its baseline, so its background noise does not fire.
 */
public final class RateSurgeDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How far above its median a template must be to count as part of an error surge. */
  private static final double RISE_SIGMAS = 2.0;

  // package-private for BehaviourStateFormat
  final DetectorConfig config;
  final RobustBaseline errorBaseline;
  final HashMap<String, TemplateHistory> templates = new HashMap<>();

  /** Templates whose drop was already reported; cleared when they come back. */
  final HashSet<String> dropped = new HashSet<>();

  int windowsSeen;

  public RateSurgeDetector(DetectorConfig config) {
    this(config, new RobustBaseline(config.baselineWindows()));
  }

  /** A detector around a restored error baseline. */
  RateSurgeDetector(DetectorConfig config, RobustBaseline errorBaseline) {
    this.config = config;
    this.errorBaseline = errorBaseline;
  }

  /**
   * Judges {@code window} against the baselines (when {@code judge} is true, i.e. after warm-up),
   * then adds it to them.
   */
  public List<Anomaly> observe(ServiceWindow window, boolean judge) {
    List<Anomaly> result = new ArrayList<>();
    if (judge) {
      errorSurge(window).ifPresent(result::add);
      TreeSet<String> ids = new TreeSet<>(templates.keySet());
      ids.addAll(window.templateCounts().keySet());
      for (String id : ids) {
        templateSurge(window, id).ifPresent(result::add);
        templateDrop(window, id).ifPresent(result::add);
      }
    }
    learn(window);
    return result;
  }

  /**
   * Judges a window cut short by the end of the input: surges only, since a count that is low
   * because the window is short is no drop; the window is not learned from either.
   */
  public List<Anomaly> observePartial(ServiceWindow window) {
    List<Anomaly> result = new ArrayList<>();
    errorSurge(window).ifPresent(result::add);
    for (String id : new TreeSet<>(window.templateCounts().keySet())) {
      templateSurge(window, id).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Anomaly> errorSurge(ServiceWindow window) {
    double z = zScore(errorBaseline, window.errors());
    if (!isSurge(errorBaseline, z, window.errors())) {
      return Optional.empty();
    }
    return Optional.of(
        Anomalies.of(
            window,
            AnomalyKind.ERROR_SURGE,
            null,
            surgeScore(z),
            window.errors(),
            errorBaseline.median(),
            surgingErrors(window),
            config.maxEvidence()));
  }

  /**
   * The evidence of an error surge: the first line of each error template that itself rose well
   * above its own usual count (earliest first), so a service that always logs some error does not
   * have its steady background cited as the cause of a surge made of other errors. Falls back to
   * the window's earliest error lines when no single template rose, e.g. many errors of one line
   * each.
   */
  private List<Evidence> surgingErrors(ServiceWindow window) {
    Set<String> risen = new TreeSet<>();
    for (String id : window.templateCounts().keySet()) {
      if (window.worstLevel(id).isError() && rose(window, id)) {
        risen.add(id);
      }
    }
    if (risen.isEmpty()) {
      return window.errorSamples();
    }
    // the earliest error lines of the risen templates, and the first line of every one of them
    Set<Evidence> lines = new LinkedHashSet<>();
    window.errorSamples().stream().filter(e -> risen.contains(e.templateId())).forEach(lines::add);
    risen.forEach(id -> lines.add(window.firstLineByTemplate().get(id)));
    lines.remove(null);
    List<Evidence> result = new ArrayList<>(lines);
    result.sort(
        Comparator.comparingLong(Evidence::timestamp)
            .thenComparing(Evidence::eventId, Comparator.nullsFirst(Comparator.naturalOrder())));
    return result;
  }

  /** A count at least {@code RISE_SIGMAS} spreads and two lines above its template's median. */
  private boolean rose(ServiceWindow window, String id) {
    RobustBaseline baseline = baselineOf(id);
    long count = window.count(id);
    return count - baseline.median() >= 2 && zScore(baseline, count) >= RISE_SIGMAS;
  }

  private Optional<Anomaly> templateSurge(ServiceWindow window, String id) {
    long count = window.count(id);
    if (count == 0 || window.newTemplates().contains(id)) {
      return Optional.empty(); // a newborn template is NewTemplateDetector's business
    }
    RobustBaseline baseline = baselineOf(id);
    double z = zScore(baseline, count);
    if (!isSurge(baseline, z, count)) {
      return Optional.empty();
    }
    return Optional.of(
        Anomalies.of(
            window,
            AnomalyKind.TEMPLATE_SURGE,
            id,
            surgeScore(z),
            count,
            baseline.median(),
            window.evidenceFor(id),
            config.maxEvidence()));
  }

  private Optional<Anomaly> templateDrop(ServiceWindow window, String id) {
    TemplateHistory history = templates.get(id);
    if (history == null || dropped.contains(id) || history.counts.size() < config.warmupWindows()) {
      return Optional.empty();
    }
    double median = history.counts.median();
    long count = window.count(id);
    boolean steady =
        history.counts.presence() >= config.dropMinPresence() && median >= config.dropMinMedian();
    boolean low =
        count <= config.dropMaxFraction() * median
            && RobustBaseline.poissonAtMost(count, median) <= config.dropMaxChance();
    if (!steady || !low) {
      return Optional.empty();
    }
    dropped.add(id);
    double score = (1 - count / median) * median / (median + config.dropMinMedian());
    List<Evidence> evidence = new ArrayList<>();
    if (history.lastLine != null) {
      evidence.add(history.lastLine.toEvidence());
    }
    Anomaly anomaly =
        Anomalies.of(
            window,
            AnomalyKind.TEMPLATE_DROP,
            id,
            score,
            count,
            median,
            evidence,
            config.maxEvidence());
    // the template is absent from the window, so its text comes from the history
    return Optional.of(withTemplate(anomaly, history.text));
  }

  private void learn(ServiceWindow window) {
    errorBaseline.add(window.errors());
    window
        .templateCounts()
        .keySet()
        .forEach(id -> templates.computeIfAbsent(id, k -> new TemplateHistory(baselineOf(k))));
    templates.forEach(
        (id, history) -> {
          long count = window.count(id);
          if (count > config.dropMaxFraction() * history.counts.median()) {
            dropped.remove(id);
          }
          history.counts.add(count);
          if (window.templateTexts().containsKey(id)) {
            history.text = window.templateTexts().get(id);
          }
          Evidence first = window.firstLineByTemplate().get(id);
          if (first != null) {
            history.lastLine = SampleLine.of(first);
          }
        });
    templates.entrySet().removeIf(e -> e.getValue().counts.allZero());
    dropped.retainAll(templates.keySet());
    windowsSeen++;
  }

  /** The template's baseline, or zeros for every window seen so far if it has none yet. */
  private RobustBaseline baselineOf(String id) {
    TemplateHistory history = templates.get(id);
    return history != null
        ? history.counts
        : RobustBaseline.ofZeros(config.baselineWindows(), windowsSeen);
  }

  private double zScore(RobustBaseline baseline, long count) {
    return (count - baseline.median()) / baseline.sigma(config.minSigma());
  }

  /**
   * Far above the baseline in robust terms (which covers bursty, overdispersed counts) and unlikely
   * even as Poisson noise (which covers small counts, where a MAD is coarse).
   */
  private boolean isSurge(RobustBaseline baseline, double z, long count) {
    return z >= config.surgeZ()
        && count >= config.minSurgeCount()
        && RobustBaseline.poissonAtLeast(count, baseline.rate()) <= config.surgeMaxChance();
  }

  /** 0.5 at the threshold, approaching 1 as the surge grows. */
  private double surgeScore(double z) {
    return z / (z + config.surgeZ());
  }

  private static Anomaly withTemplate(Anomaly a, String text) {
    return new Anomaly(
        a.id(),
        a.service(),
        a.kind(),
        a.windowStart(),
        a.windowEnd(),
        a.templateId(),
        text,
        a.score(),
        a.observed(),
        a.expected(),
        a.evidence());
  }

  /** One template's recent counts, text and latest line. */
  static final class TemplateHistory implements Serializable {
    private static final long serialVersionUID = 1L;

    final RobustBaseline counts;
    String text;
    SampleLine lastLine;

    TemplateHistory(RobustBaseline counts) {
      this.counts = counts;
    }
  }
}
