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

  /**
   * True for an event whose id may come again in the same run (a model's drift line, one id per
   * model): written with a replace by id even into a shard that was empty when opened.
   */
  public boolean mayRepeat;

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

  /** An event whose id may be written again in the same run; the later copy replaces it. */
  public static EventIndexEntry replacing(LogEvent event) {
    EventIndexEntry entry = of(event);
    entry.mayRepeat = true;
    return entry;
  }

  public static EventIndexEntry of(TemplateEntry template) {
    EventIndexEntry entry = new EventIndexEntry();
    entry.template = template;
    return entry;
  }
}
