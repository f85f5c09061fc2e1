package dev.logrca.core.detect;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.util.Comparator;
import java.util.List;

/** Builds anomalies of one window the same way for every detector. */
final class Anomalies {
  /** Detectors emit in this order so a replay lists anomalies identically. */
  static final Comparator<Anomaly> ORDER =
      Comparator.comparing(Anomaly::kind)
          .thenComparing(Anomaly::templateId, Comparator.nullsFirst(Comparator.naturalOrder()));

  private Anomalies() {}

  static Anomaly of(
      ServiceWindow window,
      AnomalyKind kind,
      String templateId,
      double score,
      double observed,
      double expected,
      List<Evidence> evidence,
      int maxEvidence) {
    String text = templateId == null ? null : window.templateTexts().get(templateId);
    return new Anomaly(
        Anomaly.idOf(window.service(), kind, window.start(), templateId),
        window.service(),
        kind,
        window.start(),
        window.end(),
        templateId,
        text,
        Math.max(0, Math.min(1, score)),
        observed,
        expected,
        evidence.subList(0, Math.min(maxEvidence, evidence.size())));
  }
}
