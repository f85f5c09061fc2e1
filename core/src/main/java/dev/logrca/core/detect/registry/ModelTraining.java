package dev.logrca.core.detect.registry;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionDetector;
import dev.logrca.core.detect.session.SessionEvent;
import dev.logrca.core.detect.session.SessionModel;
import dev.logrca.core.detect.session.TemplateVocabulary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a new model version from sessions: fits the detectors, measures on the training sessions
 * the share each detector flags, and fills in the card (schema, window, fingerprint, parent).
 */
public final class ModelTraining {
  private ModelTraining() {}

  /** A new version {@code id} trained on {@code sessions}, with {@code parent} as its parent. */
  public static StoredModel train(
      String id, List<Session> sessions, long seed, String parent, Instant now) {
    TemplateVocabulary vocabulary = TemplateVocabulary.of(sessions);
    List<int[]> sequences = new ArrayList<>();
    MessageDigest sha = sha256();
    long from = Long.MAX_VALUE;
    long until = Long.MIN_VALUE;
    for (Session s : sessions) {
      int[] seq = new int[s.events().size()];
      for (int i = 0; i < seq.length; i++) {
        SessionEvent e = s.events().get(i);
        seq[i] = vocabulary.columnOf(e.template());
        sha.update(e.template().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) (i == seq.length - 1 ? '\n' : ' '));
      }
      sequences.add(seq);
      from = Math.min(from, s.start());
      until = Math.max(until, s.end());
    }
    SessionModel model = SessionModel.fit(sessions, seed);
    ModelCard card =
        new ModelCard(
            id,
            now.toString(),
            parent,
            Instant.ofEpochMilli(from).toString(),
            Instant.ofEpochMilli(until).toString(),
            vocabulary.templates(),
            HexFormat.of().formatHex(sha.digest()),
            Map.of(
                "quorum",
                Integer.toString(model.quorum()),
                "seed",
                Long.toString(seed),
                "sessions",
                Integer.toString(sessions.size())),
            flaggedShares(model, sessions),
            null);
    return new StoredModel(card, seed, sequences);
  }

  /** Per detector and combined, the share of the training sessions it flags. */
  private static Map<String, Double> flaggedShares(SessionModel model, List<Session> sessions) {
    Map<String, Double> shares = new LinkedHashMap<>();
    int combined = 0;
    Map<String, Integer> flagged = new LinkedHashMap<>();
    for (Session s : sessions) {
      var j = model.judge(s);
      for (SessionDetector d : model.detectors()) {
        flagged.merge(d.name(), j.verdicts().get(d.name()).anomalous() ? 1 : 0, Integer::sum);
      }
      combined += j.anomalous() ? 1 : 0;
    }
    flagged.forEach((name, n) -> shares.put("flagged." + name, (double) n / sessions.size()));
    shares.put("flagged.combined", (double) combined / sessions.size());
    return shares;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
