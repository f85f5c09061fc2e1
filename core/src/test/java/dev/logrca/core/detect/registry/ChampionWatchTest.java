package dev.logrca.core.detect.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.detect.registry.ChampionWatch.Refresh;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChampionWatchTest {
  private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

  @TempDir Path data;

  /**
   * Checkout requests; {@code storeShare} store their order, each payment retried {@code retries}
   * times.
   */
  private static List<Session> requests(int n, long seed, double storeShare, int retries) {
    return CheckoutRequests.of("r", n, seed, storeShare, retries);
  }

  private String trainAndSave(ModelRegistry registry, long seed, double storeShare)
      throws Exception {
    String id = registry.nextId();
    registry.save(
        ModelTraining.train(
            id, requests(300, seed, storeShare, 0), 7, registry.champion().orElse(null), NOW));
    return id;
  }

  @Test
  void aNewlyPromotedChampionIsPickedUpWithoutARestart() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    ChampionWatch watch = new ChampionWatch(registry, null, 1_000);
    assertThat(watch.refresh()).isEqualTo(new Refresh(null, null));
    assertThat(watch.judge(requests(1, 3, 1.0, 0).get(0))).isEmpty();

    registry.promote(trainAndSave(registry, 1, 1.0));
    assertThat(watch.refresh()).isEqualTo(new Refresh("m0001", null));
    assertThat(watch.refresh()).isEqualTo(new Refresh(null, null));
    Session orderNeverStored = requests(1, 9, 0.0, 0).get(0);
    assertThat(watch.judge(orderNeverStored).orElseThrow().anomalous()).isTrue();

    // the next champion learned that half the orders are stored elsewhere
    registry.promote(trainAndSave(registry, 2, 0.5));
    assertThat(watch.refresh()).isEqualTo(new Refresh("m0002", null));
    assertThat(watch.championId()).contains("m0002");
    assertThat(watch.judge(orderNeverStored).orElseThrow().anomalous()).isFalse();

    registry.rollback();
    assertThat(watch.refresh()).isEqualTo(new Refresh("m0001", null));
    assertThat(watch.judge(orderNeverStored).orElseThrow().anomalous()).isTrue();
  }

  @Test
  void aChampionWhoseFileTurnedCorruptIsRefusedAndTheOneInForceKeepsScoring() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    ChampionWatch watch = new ChampionWatch(registry, null, 1_000);
    registry.promote(trainAndSave(registry, 1, 1.0));
    watch.refresh();
    registry.promote(trainAndSave(registry, 2, 0.5));
    Path file = registry.folder().resolve("m0002.json");
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2)); // cut off mid-copy

    Refresh refused = watch.refresh();
    assertThat(refused.loaded()).isNull();
    assertThat(refused.refused()).startsWith("m0002: ").contains("not a logrca model file");
    assertThat(watch.championId()).contains("m0001");
    assertThat(watch.judge(requests(1, 9, 0.0, 0).get(0)).orElseThrow().anomalous()).isTrue();
    // refused once: not read again until its file changes
    assertThat(watch.refresh()).isEqualTo(new Refresh(null, null));
    Files.writeString(file, text);
    Files.setLastModifiedTime(
        file,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(file).toMillis() + 1_000));
    assertThat(watch.refresh()).isEqualTo(new Refresh("m0002", null));
  }

  @Test
  void aChallengerInShadowCountsItsDisagreementsOnly() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    registry.promote(trainAndSave(registry, 1, 1.0));
    String challenger = trainAndSave(registry, 2, 0.5);
    ChampionWatch watch = new ChampionWatch(registry, challenger, 100_000);
    watch.refresh();

    int flagged = 0;
    for (Session s : requests(40, 11, 0.5, 0)) {
      flagged += watch.judge(s).orElseThrow().anomalous() ? 1 : 0;
    }
    assertThat(watch.judged()).isEqualTo(40);
    // the champion flags the orders never stored; the challenger, which learned them, does not
    assertThat(flagged).isGreaterThan(5);
    assertThat(watch.disagreements()).isEqualTo(flagged);
  }

  @Test
  void paymentsThatMostlyRetryDriftMarkTheChampionStaleOnceAndSaySoAsALogLine() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    registry.promote(trainAndSave(registry, 1, 1.0));
    ChampionWatch watch = new ChampionWatch(registry, null, 500);
    watch.refresh();

    requests(60, 4, 1.0, 0).forEach(watch::judge);
    assertThat(watch.checkDrift()).isEmpty(); // the usual mix
    requests(60, 5, 1.0, 4).forEach(watch::judge);
    DriftEvent drift = watch.checkDrift().orElseThrow();

    assertThat(drift.modelId()).isEqualTo("m0001");
    assertThat(drift.divergence()).isGreaterThanOrEqualTo(TemplateMixDrift.DRIFT);
    assertThat(registry.load("m0001").card().stale()).startsWith("template mix drifted: JS ");
    LogRecord line = drift.toLogRecord();
    assertThat(line.service()).isEqualTo("logrca");
    assertThat(line.level()).isEqualTo(Level.WARN);
    assertThat(line.attributes()).containsEntry("model", "m0001").containsKey("drift");
    assertThat(line.message()).startsWith("model m0001 is stale: template mix drifted");
    assertThat(line.timestamp()).isEqualTo(drift.until());

    requests(60, 6, 1.0, 4).forEach(watch::judge);
    assertThat(watch.checkDrift()).as("reported once").isEmpty();
  }
}
