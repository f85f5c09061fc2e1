package dev.logrca.rules.fact;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.Comparator;

/**
 * A serialisable copy of one {@link Evidence} line, so that facts and incident state can be
 * checkpointed.
 */
public record EvidenceLine(
    long timestamp, String service, String templateId, String message, String eventId)
    implements Serializable {

  /** Earliest first; the event id breaks ties so that every run orders lines the same way. */
  public static final Comparator<EvidenceLine> EARLIEST_FIRST = new EarliestFirst();

  /** A copy of {@code evidence}. */
  public static EvidenceLine of(Evidence evidence) {
    return new EvidenceLine(
        evidence.timestamp(),
        evidence.service(),
        evidence.templateId(),
        evidence.message(),
        evidence.eventId());
  }

  /** {@code event} as evidence. */
  public static EvidenceLine of(LogEvent event) {
    return new EvidenceLine(
        event.timestamp(), event.service(), event.templateId(), event.message(), event.eventId());
  }

  /** The line as the shared model's evidence. */
  public Evidence toEvidence() {
    return new Evidence(timestamp, service, templateId, message, eventId);
  }

  /** The event id, or service, time and message for lines without one. */
  public String identity() {
    return eventId != null ? eventId : service + "|" + timestamp + "|" + message;
  }

  /** A named, serialisable comparator: sorted sets of lines are checkpointed with it. */
  private static final class EarliestFirst implements Comparator<EvidenceLine>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(EvidenceLine a, EvidenceLine b) {
      int byTime = Long.compare(a.timestamp(), b.timestamp());
      return byTime != 0 ? byTime : a.identity().compareTo(b.identity());
    }
  }
}
