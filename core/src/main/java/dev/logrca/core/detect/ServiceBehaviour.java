package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the engine has learned about how one service usually logs, and the judge of each new
 * window: new templates, error and template surges and drops, durations that grew many times
 * longer, a template mix that moved from its usual one, and whole-window outliers. One instance per
 * service lives in Flink keyed state; it is small, Serializable and deterministic.
 */
public final class ServiceBehaviour implements Serializable {
  private static final long serialVersionUID = 1L;

  // package-private for BehaviourStateFormat, which writes and reads them for Flink state
  final DetectorConfig config;
  final NewTemplateDetector newTemplates;
  final RateSurgeDetector rates;
  final LatencyShiftDetector latencies;
  final IsolationForestDetector outliers;

  /** Not final: state checkpointed before it existed restores it as null (see {@link #mix()}). */
  TemplateMixShift mix;

  long windowsSeen;
  long lastEnd = Long.MIN_VALUE;

  public ServiceBehaviour(DetectorConfig config) {
    this(
        config,
        new RateSurgeDetector(config),
        new LatencyShiftDetector(config),
        new IsolationForestDetector(config),
        new TemplateMixShift());
  }

  /** A behaviour made of restored detectors ({@link BehaviourStateFormat}). */
  ServiceBehaviour(
      DetectorConfig config,
      RateSurgeDetector rates,
      LatencyShiftDetector latencies,
      IsolationForestDetector outliers,
      TemplateMixShift mix) {
    this.config = config;
    this.newTemplates = new NewTemplateDetector(config);
    this.rates = rates;
    this.latencies = latencies;
    this.outliers = outliers;
    this.mix = mix;
  }

  /**
   * Judges one closed window of the service, then learns from it. Windows in which the service
   * logged nothing (Flink emits no window without events) are filled in first, up to the baseline
   * length, so silence counts as zeros; anomalies of those silent windows are returned too. Windows
   * must arrive in time order; a window that overlaps the last one is judged as is. A window
   * shorter than {@link DetectorConfig#windowMillis()} is the last one of a finite input, cut short
   * where the input ends: it is judged for new templates and surges only, and not learned from.
   *
   * @return the anomalies, ordered by window, kind and template id
   */
  public List<Anomaly> observe(ServiceWindow window) {
    List<Anomaly> result = new ArrayList<>();
    for (ServiceWindow silent : silentWindowsBefore(window)) {
      result.addAll(judgeAndLearn(silent));
    }
    result.addAll(isPartial(window) ? judgePartial(window) : judgeAndLearn(window));
    return result;
  }

  private boolean isPartial(ServiceWindow window) {
    return window.end() - window.start() < config.windowMillis();
  }

  private List<Anomaly> judgePartial(ServiceWindow window) {
    List<Anomaly> found = new ArrayList<>();
    if (isWarm()) {
      found.addAll(newTemplates.detect(window));
      found.addAll(rates.observePartial(window));
      found.addAll(latencies.observePartial(window));
    }
    found.sort(Anomalies.ORDER);
    return found;
  }

  /** Windows observed so far, silent ones included. */
  public long windowsSeen() {
    return windowsSeen;
  }

  /** True once the warm-up is over and windows are judged. */
  public boolean isWarm() {
    return windowsSeen >= config.warmupWindows();
  }

  public DetectorConfig config() {
    return config;
  }

  private List<Anomaly> judgeAndLearn(ServiceWindow window) {
    boolean judge = isWarm();
    List<Anomaly> found = new ArrayList<>();
    if (judge) {
      found.addAll(newTemplates.detect(window));
    }
    found.addAll(rates.observe(window, judge));
    found.addAll(latencies.observe(window, judge));
    if (judge) {
      outliers.detect(window).ifPresent(found::add);
    }
    outliers.learn(window, !found.isEmpty());
    // after the forest has learned: a mix shift is no reason to keep a window from its training
    mix().observe(window, judge, config).ifPresent(found::add);
    found.sort(Anomalies.ORDER);
    windowsSeen++;
    lastEnd = Math.max(lastEnd, window.end());
    return found;
  }

  private TemplateMixShift mix() {
    if (mix == null) {
      mix = new TemplateMixShift();
    }
    return mix;
  }

  private List<ServiceWindow> silentWindowsBefore(ServiceWindow window) {
    List<ServiceWindow> silent = new ArrayList<>();
    long length = config.windowMillis();
    if (windowsSeen == 0 || length <= 0 || window.start() <= lastEnd) {
      return silent;
    }
    long missing = (window.start() - lastEnd) / length;
    // older silence has already fallen out of every baseline
    long fill = Math.min(missing, config.baselineWindows());
    for (long i = missing - fill; i < missing; i++) {
      long start = lastEnd + i * length;
      silent.add(ServiceWindow.empty(window.service(), start, start + length));
    }
    return silent;
  }
}
