package dev.logrca.core.detect.session;

import java.util.Map;

/**
 * What the fitted detectors made of one session: each one's verdict by name, the combined one, and
 * where the session first left the usual path (its service and template), if it did.
 */
public record SessionJudgement(
    String key, Map<String, Verdict> verdicts, boolean anomalous, SessionEvent departure) {}
