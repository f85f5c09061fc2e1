package dev.logrca.core.detect.registry;

import java.util.List;
import java.util.Map;

/**
 * What a model version says about itself: who it is, when and from what window it learned, the
 * features it reads, a fingerprint of its training data, its parameters, how it scored, which
 * version it replaced, and whether drift has made it stale.
 *
 * @param id the version's id ({@code m0001}, {@code m0002}, ...)
 * @param created when it was trained, ISO-8601
 * @param parent the version that was champion when it was trained, or null
 * @param trainedFrom the earliest training line's time, ISO-8601
 * @param trainedUntil the latest training line's time, ISO-8601
 * @param featureSchema the templates (service:id) its count vectors have a column for, in order
 * @param dataFingerprint SHA-256 of the training sequences, so two versions trained on the same
 *     data are known to be
 * @param parameters the settings it was fitted with
 * @param evaluation figures measured on its own training data (share flagged per detector)
 * @param stale why drift made it stale, or null while it is not
 */
public record ModelCard(
    String id,
    String created,
    String parent,
    String trainedFrom,
    String trainedUntil,
    List<String> featureSchema,
    String dataFingerprint,
    Map<String, String> parameters,
    Map<String, Double> evaluation,
    String stale) {

  /** This card, marked stale for {@code reason}. */
  public ModelCard markedStale(String reason) {
    return new ModelCard(
        id,
        created,
        parent,
        trainedFrom,
        trainedUntil,
        featureSchema,
        dataFingerprint,
        parameters,
        evaluation,
        reason);
  }
}
