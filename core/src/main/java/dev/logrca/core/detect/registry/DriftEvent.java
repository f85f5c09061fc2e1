package dev.logrca.core.detect.registry;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The live template mix moved past the drift threshold from a model's training mix: the model is
 * stale. As a log line of service {@code logrca} it is indexed and found like any other event
 * ({@code service:logrca AND attr.model:m0001}, or {@code message:stale}).
 *
 * @param modelId the model that drifted
 * @param divergence Jensen-Shannon divergence in bits of the live mix from the training mix
 * @param threshold the threshold it reached
 * @param from the earliest line of the live sample, epoch millis
 * @param until the latest line of the live sample, epoch millis
 * @param lines how many lines the sample held
 */
public record DriftEvent(
    String modelId, double divergence, double threshold, long from, long until, long lines) {
  /** The service drift events are logged under. */
  public static final String SERVICE = "logrca";

  /** Why the model is stale, as the registry records it. */
  public String reason() {
    return String.format(
        Locale.ROOT,
        "template mix drifted: JS %.3f bits >= %.2f over %d lines from %s to %s",
        divergence,
        threshold,
        lines,
        Instant.ofEpochMilli(from),
        Instant.ofEpochMilli(until));
  }

  /**
   * The event as a line of service {@value #SERVICE}, dated at the sample's end. Its id is the
   * model's alone: a model goes stale once, so when several parallel scorers each see the drift,
   * their lines replace one another in the event index instead of repeating it.
   */
  public LogRecord toLogRecord() {
    String message = "model " + modelId + " is stale: " + reason();
    Map<String, String> attributes = new HashMap<>();
    attributes.put("drift", String.format(Locale.ROOT, "%.4f", divergence));
    attributes.put("model", modelId);
    attributes.put("driftThreshold", String.format(Locale.ROOT, "%.2f", threshold));
    String source = SERVICE + "/models";
    return new LogRecord(
        LogRecord.eventIdOf(source + "/" + modelId, 0),
        source,
        0,
        until,
        false,
        SERVICE,
        null,
        Level.WARN,
        "model-drift",
        null,
        message,
        message,
        attributes,
        null);
  }
}
