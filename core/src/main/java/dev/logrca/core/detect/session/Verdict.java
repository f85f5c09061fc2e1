package dev.logrca.core.detect.session;

/**
 * One detector's judgement of one session.
 *
 * @param anomalous whether the session departs from the usual ones
 * @param score how far it departs, on the detector's own scale (compared with {@code threshold})
 * @param threshold the score from which a session is anomalous
 * @param reason in words, what was unusual (empty when nothing was)
 * @param departure the line where the session first leaves the usual path (its service and
 *     template), or null when the detector cannot tell or the session is usual
 */
public record Verdict(
    boolean anomalous, double score, double threshold, String reason, SessionEvent departure) {
  /** A usual session, with its score. */
  public static Verdict usual(double score, double threshold) {
    return new Verdict(false, score, threshold, "", null);
  }
}
