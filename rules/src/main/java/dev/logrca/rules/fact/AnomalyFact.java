package dev.logrca.rules.fact;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.rules.signature.Timings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/** A detector's anomaly as a rule sees it; its time is the start of the abnormal window. */
@Role(Role.Type.EVENT)
@Timestamp("timestamp")
@Expires("30m")
public final class AnomalyFact implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String service;
  private final String kind;
  private final long timestamp;
  private final long windowEnd;
  private final String templateId;
  private final String template;
  private final double score;
  private final String timed;
  private final ArrayList<EvidenceLine> evidence;

  /** A fact for {@code anomaly}. */
  public AnomalyFact(Anomaly anomaly) {
    this.id = anomaly.id();
    this.service = anomaly.service();
    this.kind = anomaly.kind().name();
    this.timestamp = anomaly.windowStart();
    this.windowEnd = anomaly.windowEnd();
    this.templateId = anomaly.templateId();
    this.template = anomaly.template();
    this.score = anomaly.score();
    this.timed =
        anomaly.kind() == AnomalyKind.LATENCY_SHIFT ? Timings.of(anomaly.template()) : null;
    this.evidence = new ArrayList<>();
    anomaly.evidence().forEach(e -> evidence.add(EvidenceLine.of(e)));
  }

  public String getId() {
    return id;
  }

  public String getService() {
    return service;
  }

  /** The {@link dev.logrca.core.model.AnomalyKind} name, e.g. {@code ERROR_SURGE}. */
  public String getKind() {
    return kind;
  }

  public long getTimestamp() {
    return timestamp;
  }

  /**
   * The templates of the lines the anomaly cites, e.g. the error templates that rose in an {@code
   * ERROR_SURGE}: what a rule may blame the anomaly on.
   */
  public List<String> getEvidenceTemplates() {
    return evidence.stream().map(EvidenceLine::templateId).distinct().toList();
  }

  /**
   * When the abnormal behaviour first showed: the earliest line the anomaly cites, else (a template
   * that fell silent cites none) the start of its window. A window starts up to its length before
   * anything in it happened, so a service only detectors flag must not go first by that alone.
   */
  public long getFirstSign() {
    return evidence.stream().mapToLong(EvidenceLine::timestamp).min().orElse(timestamp);
  }

  public long getWindowEnd() {
    return windowEnd;
  }

  public String getTemplateId() {
    return templateId;
  }

  public String getTemplate() {
    return template;
  }

  public double getScore() {
    return score;
  }

  /**
   * For a {@code LATENCY_SHIFT}, what its template's durations time: {@code statement} for a
   * datastore's own statements, {@code request} for anything else (see {@link Timings}); null for
   * other kinds.
   */
  public String getTimed() {
    return timed;
  }

  public List<EvidenceLine> getEvidence() {
    return List.copyOf(evidence);
  }

  @Override
  public String toString() {
    return "AnomalyFact[" + service + " " + kind + " " + score + "]";
  }
}
