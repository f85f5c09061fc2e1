package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Flags templates born after a service's warm-up: a line the service has never logged before is
 * often the first sign of a new failure. WARN/ERROR templates and templates that repeat within the
 * window score higher than a one-off INFO line.
 */
public final class NewTemplateDetector implements Serializable {
  private static final long serialVersionUID = 1L;

  private final DetectorConfig config;

  public NewTemplateDetector(DetectorConfig config) {
    this.config = config;
  }

  /** The NEW_TEMPLATE anomalies of {@code window}; call it only once the service is warm. */
  public List<Anomaly> detect(ServiceWindow window) {
    List<Anomaly> result = new ArrayList<>();
    for (String templateId : new TreeSet<>(window.newTemplates())) {
      long count = window.count(templateId);
      result.add(
          Anomalies.of(
              window,
              AnomalyKind.NEW_TEMPLATE,
              templateId,
              score(window.worstLevel(templateId), count),
              count,
              0,
              window.evidenceFor(templateId),
              config.maxEvidence()));
    }
    return result;
  }

  /** 0.4 for a single INFO line, up to 1 for an ERROR template repeating many times. */
  static double score(Level level, long count) {
    double severity = level.isError() ? 0.35 : level == Level.WARN ? 0.2 : 0;
    double repeats = count <= 1 ? 0 : 0.25 * Math.min(1, Math.log(count) / Math.log(16));
    return Math.min(1, 0.4 + severity + repeats);
  }
}
