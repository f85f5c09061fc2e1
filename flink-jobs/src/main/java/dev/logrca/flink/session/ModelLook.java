package dev.logrca.flink.session;

import dev.logrca.core.detect.registry.ChampionWatch;
import dev.logrca.core.detect.registry.DriftEvent;
import dev.logrca.core.detect.registry.ModelFileException;
import dev.logrca.core.detect.registry.ModelRegistry;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionJudgement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session stage's view of the model registry: looks at it every {@code lookMillis} of
 * processing time (a promotion or rollback is picked up without a restart, as edited rules are),
 * logs what it loaded or refused, and judges sessions with the champion while counting the
 * challenger's disagreements. Without a champion it says so once and judges nothing. Not
 * thread-safe: the operator's thread alone calls it.
 */
final class ModelLook {
  private static final Logger LOG = LoggerFactory.getLogger(ModelLook.class);

  /** What the look tells its owner besides the log, to count in metrics. */
  interface Listener {
    void loaded(String modelId);

    void refused(String reason);

    void disagreed(String sessionKey);
  }

  private final ChampionWatch watch;
  private final Path folder;
  private final long lookMillis;
  private final Listener listener;
  private long nextLook = Long.MIN_VALUE;
  private boolean saidNoChampion;

  ModelLook(SessionSettings settings, Listener listener) {
    ModelRegistry registry = new ModelRegistry(Path.of(settings.dataDir()));
    this.folder = registry.folder();
    this.watch = new ChampionWatch(registry, settings.challenger(), settings.driftSampleLines());
    this.lookMillis = settings.lookMillis();
    this.listener = listener;
  }

  /** Looks at the registry when a look is due at processing time {@code nowMillis}. */
  void lookIfDue(long nowMillis) {
    if (nowMillis < nextLook) {
      return;
    }
    nextLook = nowMillis + lookMillis;
    ChampionWatch.Refresh refresh;
    try {
      refresh = watch.refresh();
    } catch (IOException e) {
      // the registry folder unreadable for a moment: the model in force keeps judging
      LOG.warn("cannot look at the model registry {} ({}); the model in force stays", folder, e);
      return;
    }
    if (refresh.loaded() != null) {
      LOG.info("sessions are judged by model {} from now on", refresh.loaded());
      saidNoChampion = false;
      listener.loaded(refresh.loaded());
    }
    if (refresh.refused() != null) {
      LOG.error(
          "model refused: {}; {}",
          refresh.refused(),
          watch.championId().map(id -> "model " + id + " keeps judging").orElse("no model judges"));
      listener.refused(refresh.refused());
    }
    if (watch.championId().isEmpty() && !saidNoChampion) {
      LOG.info("no champion model in {}: sessions pass through without being judged", folder);
      saidNoChampion = true;
    }
  }

  /** When the next look is due, processing time. */
  long nextLook() {
    return nextLook;
  }

  /** The champion's judgement of {@code session}, empty without a champion. */
  Optional<SessionJudgement> judge(Session session) {
    long before = watch.disagreements();
    Optional<SessionJudgement> judgement = watch.judge(session);
    if (watch.disagreements() > before) {
      LOG.info(
          "challenger disagrees on session {}: champion {} calls it {}",
          session.key(),
          watch.championId().orElse("?"),
          judgement.map(j -> j.anomalous() ? "anomalous" : "usual").orElse("?"));
      listener.disagreed(session.key());
    }
    return judgement;
  }

  /** A drift event once the live mix has moved past the threshold (the champion marked stale). */
  Optional<DriftEvent> checkDrift() {
    try {
      Optional<DriftEvent> drift = watch.checkDrift();
      drift.ifPresent(d -> LOG.warn("model {} is stale: {}", d.modelId(), d.reason()));
      return drift;
    } catch (ModelFileException | IOException e) {
      // the champion's file changed or the folder turned unwritable: the model in memory keeps
      // judging, and the next full sample measures the drift again
      LOG.error("cannot mark the champion stale in {}: {}", folder, e.getMessage());
      return Optional.empty();
    }
  }

  /** The champion in force, if any. */
  Optional<String> championId() {
    return watch.championId();
  }
}
