package dev.logrca.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded line with the template it belongs to: what every stage after the miner counts, indexes
 * and correlates.
 *
 * @param record the decoded line
 * @param templateId the template's stable id, unique across services ({@code service:n})
 * @param template the template text with {@code <*>} for each variable part
 * @param parameters the values of the variable parts, in order
 * @param newTemplate true when this line gave birth to its template
 */
public record LogEvent(
    LogRecord record,
    String templateId,
    String template,
    List<String> parameters,
    boolean newTemplate)
    implements java.io.Serializable {

  public LogEvent {
    parameters = parameters == null ? new ArrayList<>() : new ArrayList<>(parameters);
  }

  public String service() {
    return record.service();
  }

  public long timestamp() {
    return record.timestamp();
  }

  public Level level() {
    return record.level();
  }

  public String message() {
    return record.message();
  }

  public String eventId() {
    return record.eventId();
  }

  /** This event as a line of evidence. */
  public Evidence toEvidence() {
    return new Evidence(
        record.timestamp(), record.service(), templateId, record.message(), record.eventId());
  }
}
