package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The session detectors fitted together on the same unlabelled sessions: invariants, the order
 * check, PCA reconstruction error, an isolation forest and a one-class SVM. Combined, a session is
 * anomalous when at least {@code quorum} of them say so; its departure is the earliest line any of
 * those names.
 */
public final class SessionModel {
  /** Two of the five: no single detector's blind spot or false alarm decides alone. */
  public static final int DEFAULT_QUORUM = 2;

  private final TemplateVocabulary vocabulary;
  private final List<SessionDetector> detectors;
  private final int quorum;

  public SessionModel(TemplateVocabulary vocabulary, List<SessionDetector> detectors, int quorum) {
    if (quorum < 1 || quorum > detectors.size()) {
      throw new IllegalArgumentException(
          "quorum must be between 1 and the " + detectors.size() + " detectors, was " + quorum);
    }
    this.vocabulary = vocabulary;
    this.detectors = List.copyOf(detectors);
    this.quorum = quorum;
  }

  /**
   * Fits every detector on {@code training} (at least 2 sessions; labels are never seen) with the
   * default settings and {@code seed} for the forest.
   */
  public static SessionModel fit(List<Session> training, long seed) {
    if (training.size() < 2) {
      throw new IllegalArgumentException(
          "training needs at least 2 sessions, had " + training.size());
    }
    TemplateVocabulary vocabulary = TemplateVocabulary.of(training);
    List<SessionDetector> detectors =
        List.of(
            InvariantMiner.defaults().mine(training, vocabulary),
            TemplateOrder.fit(training, 1),
            PcaResidual.fit(training, vocabulary),
            SessionForest.fit(training, vocabulary, 0.01, seed),
            OneClassSvm.fit(training, vocabulary, seed));
    return new SessionModel(vocabulary, detectors, DEFAULT_QUORUM);
  }

  public TemplateVocabulary vocabulary() {
    return vocabulary;
  }

  public List<SessionDetector> detectors() {
    return detectors;
  }

  public int quorum() {
    return quorum;
  }

  /**
   * Every detector's verdict on {@code session} and the combined one. Lines of a template training
   * never saw that were logged below WARN are left out first: a new routine message is news, not a
   * departure. Counted as departures by two detectors at once (invariants and the order check),
   * each such line alone used to flag its session, and a model trained on a short stretch of a
   * system meets many (BGL: 399 of 843 usual nodes in the later half). A new WARN-or-worse line, or
   * one of unknown level, still counts.
   */
  public SessionJudgement judge(Session session) {
    Session judged = withoutRoutineNews(session);
    if (judged.events().isEmpty()) {
      Map<String, Verdict> usual = new LinkedHashMap<>();
      detectors.forEach(d -> usual.put(d.name(), Verdict.usual(0, 0)));
      return new SessionJudgement(session.key(), usual, false, null);
    }
    return judgeAsIs(judged);
  }

  private Session withoutRoutineNews(Session session) {
    List<SessionEvent> kept = new ArrayList<>(session.events().size());
    for (SessionEvent e : session.events()) {
      if (!e.routine() || vocabulary.columnOf(e.template()) >= 0) {
        kept.add(e);
      }
    }
    return kept.size() == session.events().size() ? session : Session.of(session.key(), kept);
  }

  private SessionJudgement judgeAsIs(Session session) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    List<SessionEvent> departures = new ArrayList<>();
    int votes = 0;
    for (SessionDetector d : detectors) {
      Verdict v = d.judge(session);
      verdicts.put(d.name(), v);
      if (v.anomalous()) {
        votes++;
        if (v.departure() != null) {
          departures.add(v.departure());
        }
      }
    }
    boolean anomalous = votes >= quorum;
    SessionEvent departure = null;
    if (anomalous) {
      for (SessionEvent e : session.events()) {
        if (departures.contains(e)) {
          departure = e; // the earliest in the session's own order
          break;
        }
      }
    }
    return new SessionJudgement(session.key(), verdicts, anomalous, departure);
  }
}
