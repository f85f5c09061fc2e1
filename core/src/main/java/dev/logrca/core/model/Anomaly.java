package dev.logrca.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Abnormal behaviour of one service in one event-time window.
 *
 * @param id deterministic id (service, kind, window, template)
 * @param service the service that behaved abnormally
 * @param kind what was abnormal
 * @param windowStart window start, epoch millis
 * @param windowEnd window end (exclusive), epoch millis
 * @param templateId the template concerned, or null for whole-service anomalies
 * @param template its text, or null
 * @param score strength in [0, 1]: how sure the detector is that this is abnormal
 * @param observed the observed value (a count, a rate, an outlier score)
 * @param expected the baseline value it was compared with
 * @param evidence sample lines from the window
 */
public record Anomaly(
    String id,
    String service,
    AnomalyKind kind,
    long windowStart,
    long windowEnd,
    String templateId,
    String template,
    double score,
    double observed,
    double expected,
    List<Evidence> evidence)
    implements java.io.Serializable {

  public Anomaly {
    evidence = evidence == null ? new ArrayList<>() : new ArrayList<>(evidence);
  }

  /** The deterministic id of an anomaly. */
  public static String idOf(String service, AnomalyKind kind, long windowStart, String templateId) {
    return Ids.hash(service + "|" + kind + "|" + windowStart + "|" + templateId);
  }
}
