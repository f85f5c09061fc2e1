package dev.logrca.index.search;

/** One matching document: an {@link EventHit} or an {@link IncidentHit}. */
public sealed interface Hit permits EventHit, IncidentHit {
  /** The time the hit is sorted on, epoch millis: an event's timestamp, an incident's start. */
  long timestamp();
}
