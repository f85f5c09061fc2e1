package dev.logrca.core.detect;

import dev.logrca.core.decode.Continuation;
import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Counts one service's events in one window, for a Flink {@code AggregateFunction}. The result does
 * not depend on the order events arrive in or on how partial windows are merged: the first line of
 * a template and the error samples are the earliest ones by (timestamp, event id).
 */
public final class WindowAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Error samples kept per window. */
  public static final int MAX_ERROR_SAMPLES = 5;

  // package-private for WindowStateFormat, which writes and reads them for Flink state
  long total;
  long errors;
  long warnings;
  final HashMap<String, Long> templateCounts = new HashMap<>();
  final HashMap<String, String> templateTexts = new HashMap<>();
  final HashMap<String, SampleLine> firstLines = new HashMap<>();
  final HashSet<String> newTemplates = new HashSet<>();
  final ArrayList<SampleLine> errorSamples = new ArrayList<>();
  final HashMap<String, Level> worstLevels = new HashMap<>();
  final HashMap<String, DurationSketch> durations = new HashMap<>();

  /** Counts one event. */
  public WindowAccumulator add(LogEvent event) {
    String templateId = event.templateId();
    Level level = event.level();
    total++;
    if (level.isError()) {
      errors++;
      addErrorSample(SampleLine.of(event));
    } else if (level == Level.WARN) {
      warnings++;
    }
    if (templateId == null) {
      return this; // an undecoded line still counts, but has no template to judge
    }
    if (Continuation.of(event.record())) {
      // a stack frame or "Caused by:" is part of the event above it, not a template of its own:
      // it must neither be flagged as new nor crowd the evidence
      return this;
    }
    templateCounts.merge(templateId, 1L, Long::sum);
    if (event.template() != null) {
      templateTexts.putIfAbsent(templateId, event.template());
    }
    if (event.newTemplate()) {
      newTemplates.add(templateId);
    }
    worstLevels.merge(templateId, level, WindowAccumulator::worse);
    SampleLine line = SampleLine.of(event);
    firstLines.merge(templateId, line, SampleLine::earlier);
    double millis = LoggedDuration.millisOf(event);
    if (!Double.isNaN(millis)) {
      durations.computeIfAbsent(templateId, k -> new DurationSketch()).add(millis, line);
    }
    return this;
  }

  /** Folds {@code other} (a partial window of the same service) into this one. */
  public WindowAccumulator merge(WindowAccumulator other) {
    total += other.total;
    errors += other.errors;
    warnings += other.warnings;
    other.templateCounts.forEach((id, n) -> templateCounts.merge(id, n, Long::sum));
    other.templateTexts.forEach(templateTexts::putIfAbsent);
    other.firstLines.forEach((id, line) -> firstLines.merge(id, line, SampleLine::earlier));
    newTemplates.addAll(other.newTemplates);
    other.worstLevels.forEach(
        (id, level) -> worstLevels.merge(id, level, WindowAccumulator::worse));
    other.errorSamples.forEach(this::addErrorSample);
    other.durations.forEach(
        (id, sketch) -> durations.computeIfAbsent(id, k -> new DurationSketch()).merge(sketch));
    return this;
  }

  /** The counted window of {@code service} over [{@code start}, {@code end}). */
  public ServiceWindow toWindow(String service, long start, long end) {
    Map<String, Evidence> first = new HashMap<>();
    firstLines.forEach((id, line) -> first.put(id, line.toEvidence()));
    List<Evidence> samples = new ArrayList<>();
    errorSamples.forEach(line -> samples.add(line.toEvidence()));
    return new ServiceWindow(
        service,
        start,
        end,
        total,
        errors,
        warnings,
        templateCounts,
        templateTexts,
        first,
        newTemplates,
        samples,
        worstLevels,
        durations);
  }

  private void addErrorSample(SampleLine line) {
    errorSamples.add(line);
    errorSamples.sort(SampleLine.ORDER);
    while (errorSamples.size() > MAX_ERROR_SAMPLES) {
      errorSamples.remove(errorSamples.size() - 1);
    }
  }

  private static Level worse(Level a, Level b) {
    return severity(b) > severity(a) ? b : a;
  }

  /** UNKNOWN sorts with INFO: a line without a level is not a warning. */
  private static int severity(Level level) {
    return level == Level.UNKNOWN ? Level.INFO.ordinal() : level.ordinal();
  }
}
