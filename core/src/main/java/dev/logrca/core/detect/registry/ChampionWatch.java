package dev.logrca.core.detect.registry;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionJudgement;
import dev.logrca.core.detect.session.SessionModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running job scores sessions with: the registry's champion, reloaded whenever the registry
 * names another one (a promotion, a rollback) without a restart, and optionally a challenger in
 * shadow whose verdicts are only compared. A version that cannot be read is refused with its reason
 * and the model in force keeps scoring. The template mix of the sessions scored is compared with
 * the champion's training mix ({@link TemplateMixDrift}); past {@link TemplateMixDrift#DRIFT} the
 * champion is marked stale once and a {@link DriftEvent} says so.
 */
public final class ChampionWatch {
  /** Lines of live sessions gathered before their mix is compared with the training mix. */
  public static final long DRIFT_SAMPLE_LINES = 5_000;

  private final ModelRegistry registry;
  private final String challengerId;
  private final long driftSampleLines;

  private String championId;
  private String refusedId;
  private FileTime refusedModified;
  private StoredModel champion;
  private SessionModel championModel;
  private SessionModel challengerModel;
  private final Map<String, Long> liveCounts = new HashMap<>();
  private long liveLines;
  private long liveStart = Long.MAX_VALUE;
  private long liveEnd = Long.MIN_VALUE;
  private boolean staleReported;
  private long judged;
  private long disagreements;

  /**
   * A watch over {@code registry}, with {@code challengerId} (or null) in shadow and drift measured
   * over every {@code driftSampleLines} lines of scored sessions.
   */
  public ChampionWatch(ModelRegistry registry, String challengerId, long driftSampleLines) {
    if (driftSampleLines < 1) {
      throw new IllegalArgumentException("driftSampleLines must be positive");
    }
    this.registry = registry;
    this.challengerId = challengerId;
    this.driftSampleLines = driftSampleLines;
  }

  /** What a look at the registry did. */
  public record Refresh(String loaded, String refused) {
    static final Refresh NOTHING = new Refresh(null, null);
  }

  /**
   * Looks at the registry: loads a champion it names that is not the one in force (and the
   * challenger, the first time). A file that cannot be read is refused, the model in force stays.
   *
   * @return the id loaded and the refusal, each null when there was none
   */
  public Refresh refresh() throws IOException {
    if (challengerId != null && challengerModel == null) {
      try {
        challengerModel = registry.load(challengerId).fit();
      } catch (ModelFileException e) {
        return new Refresh(null, "challenger " + challengerId + ": " + e.getMessage());
      }
    }
    Optional<String> named = registry.champion();
    if (named.isEmpty() || named.get().equals(championId)) {
      return Refresh.NOTHING;
    }
    FileTime modified = modified(named.get());
    if (named.get().equals(refusedId) && Objects.equals(modified, refusedModified)) {
      return Refresh.NOTHING; // refused already: read again only once its file changes
    }
    try {
      StoredModel next = registry.load(named.get());
      championModel = next.fit();
      champion = next;
      championId = named.get();
      staleReported = next.card().stale() != null;
      resetDrift();
      return new Refresh(championId, null);
    } catch (ModelFileException e) {
      refusedId = named.get();
      refusedModified = modified;
      return new Refresh(null, named.get() + ": " + e.getMessage());
    }
  }

  private FileTime modified(String id) throws IOException {
    Path file = registry.folder().resolve(id + ".json");
    return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
  }

  /** The champion in force, if any. */
  public Optional<String> championId() {
    return Optional.ofNullable(champion).map(m -> m.card().id());
  }

  /**
   * The champion's judgement of {@code session} (empty without a champion); the challenger judges
   * it too and a different verdict counts as a disagreement. The session's lines join the drift
   * sample.
   */
  public Optional<SessionJudgement> judge(Session session) {
    if (championModel == null) {
      return Optional.empty();
    }
    SessionJudgement verdict = championModel.judge(session);
    judged++;
    if (challengerModel != null
        && challengerModel.judge(session).anomalous() != verdict.anomalous()) {
      disagreements++;
    }
    session.templateCounts().forEach((t, n) -> liveCounts.merge(t, (long) n, Long::sum));
    liveLines += session.events().size();
    liveStart = Math.min(liveStart, session.start());
    liveEnd = Math.max(liveEnd, session.end());
    return Optional.of(verdict);
  }

  /**
   * Once the drift sample is full: its divergence from the champion's training mix, a {@link
   * DriftEvent} when it reaches {@link TemplateMixDrift#DRIFT} (the champion is marked stale in the
   * registry, once), and a fresh sample.
   */
  public Optional<DriftEvent> checkDrift() throws IOException, ModelFileException {
    if (champion == null || liveLines < driftSampleLines) {
      return Optional.empty();
    }
    double divergence = TemplateMixDrift.divergence(champion, liveCounts);
    DriftEvent event =
        new DriftEvent(
            champion.card().id(),
            divergence,
            TemplateMixDrift.DRIFT,
            liveStart,
            liveEnd,
            liveLines);
    resetDrift();
    if (divergence < TemplateMixDrift.DRIFT || staleReported) {
      return Optional.empty();
    }
    registry.markStale(event.modelId(), event.reason());
    staleReported = true;
    return Optional.of(event);
  }

  /** Sessions the champion judged. */
  public long judged() {
    return judged;
  }

  /** Sessions on which the challenger's verdict differed from the champion's. */
  public long disagreements() {
    return disagreements;
  }

  private void resetDrift() {
    liveCounts.clear();
    liveLines = 0;
    liveStart = Long.MAX_VALUE;
    liveEnd = Long.MIN_VALUE;
  }
}
