package dev.logrca.core.template.loghub;

/**
 * One row of a Loghub structured CSV as far as scoring needs it: the line's 1-based number, its
 * message, and the group and template it was given.
 */
public record StructuredLine(long lineId, String content, String eventId, String template) {}
