package dev.logrca.flink.sink;

import dev.logrca.core.model.LogEvent;
import dev.logrca.index.TemplateEntry;

/**
 * What the event index sink writes: a log event or a template's current entry. One stream carries
 * both because each shard of the index has one writer, the one of their service.
 */
public final class EventIndexEntry {
  /** The event to add, or null. */
  public LogEvent event;

  /** The template document to keep, or null. */
  public TemplateEntry template;

  /** For Flink's POJO serializer; use the factories. */
  public EventIndexEntry() {}

  /** The service whose shard of the event index this entry belongs in. */
  public String service() {
    return event != null ? event.service() : template.service();
  }

  public static EventIndexEntry of(LogEvent event) {
    EventIndexEntry entry = new EventIndexEntry();
    entry.event = event;
    return entry;
  }

  public static EventIndexEntry of(TemplateEntry template) {
    EventIndexEntry entry = new EventIndexEntry();
    entry.template = template;
    return entry;
  }
}
