package dev.logrca.core.detect;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.LogEvent;
import java.io.Serializable;
import java.util.Comparator;

/** A line of evidence in a serialisable form for detector state ({@link Evidence} is not). */
record SampleLine(long timestamp, String service, String templateId, String message, String eventId)
    implements Serializable {

  /** Earliest first; the event id breaks ties so merges do not depend on arrival order. */
  static final Comparator<SampleLine> ORDER =
      Comparator.comparingLong(SampleLine::timestamp)
          .thenComparing(SampleLine::eventId, Comparator.nullsLast(Comparator.naturalOrder()));

  static SampleLine of(LogEvent e) {
    return new SampleLine(e.timestamp(), e.service(), e.templateId(), e.message(), e.eventId());
  }

  static SampleLine of(Evidence e) {
    return new SampleLine(e.timestamp(), e.service(), e.templateId(), e.message(), e.eventId());
  }

  static SampleLine earlier(SampleLine a, SampleLine b) {
    return ORDER.compare(b, a) < 0 ? b : a;
  }

  Evidence toEvidence() {
    return new Evidence(timestamp, service, templateId, message, eventId);
  }
}
