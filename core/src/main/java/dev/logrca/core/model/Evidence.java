package dev.logrca.core.model;

/**
 * A log line that supports a conclusion.
 *
 * @param timestamp event time in epoch milliseconds
 * @param service the service that logged it
 * @param templateId its template's id
 * @param message the message
 * @param eventId the id of the line in the event index
 */
public record Evidence(
    long timestamp, String service, String templateId, String message, String eventId)
    implements java.io.Serializable {}
