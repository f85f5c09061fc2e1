package dev.logrca.core.detect.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionModel;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
  private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

  @TempDir Path data;

  /** Requests of a checkout flow; {@code storeShare} of them store their order. */
  private static List<Session> requests(int n, long seed, double storeShare) {
    return CheckoutRequests.of("r", n, seed, storeShare, 0);
  }

  private StoredModel trainAndSave(ModelRegistry registry, long seed) throws Exception {
    String parent = registry.champion().orElse(null);
    StoredModel model =
        ModelTraining.train(registry.nextId(), requests(300, seed, 1.0), 7, parent, NOW);
    registry.save(model);
    return model;
  }

  @Test
  void aTrainedVersionCarriesItsCardAndComesBackJudgingAlike() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    StoredModel saved = trainAndSave(registry, 1);
    StoredModel loaded = registry.load("m0001");

    ModelCard card = loaded.card();
    assertThat(card.id()).isEqualTo("m0001");
    assertThat(card.created()).isEqualTo("2026-12-06T05:00:00Z");
    assertThat(card.trainedFrom()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(card.featureSchema()).containsExactly("cart:1", "order:4", "payment:3", "pricing:2");
    assertThat(card.dataFingerprint()).hasSize(64).isEqualTo(saved.card().dataFingerprint());
    assertThat(card.parameters()).containsEntry("seed", "7").containsEntry("sessions", "300");
    assertThat(card.evaluation()).containsKeys("flagged.invariants", "flagged.combined");
    assertThat(card.stale()).isNull();

    Session probe = requests(1, 9, 0.0).get(0); // an order never stored
    SessionModel before = SessionModel.fit(requests(300, 1, 1.0), 7);
    SessionModel after = loaded.fit();
    assertThat(after.judge(probe).anomalous()).isTrue();
    assertThat(after.judge(probe).verdicts().get("iforest").score())
        .isEqualTo(before.judge(probe).verdicts().get("iforest").score());
  }

  @Test
  void promoteThenRollbackReturnsToTheEarlierChampion() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    trainAndSave(registry, 1);
    registry.promote("m0001");
    StoredModel second = trainAndSave(registry, 2);
    assertThat(second.card().parent()).isEqualTo("m0001");
    registry.promote("m0002");
    assertThat(registry.champion()).contains("m0002");

    assertThat(registry.rollback()).isEqualTo("m0001");
    assertThat(registry.champion()).contains("m0001");
    assertThatThrownBy(registry::rollback).hasMessageContaining("no earlier champion");
    assertThat(registry.ids()).containsExactly("m0001", "m0002");
  }

  @Test
  void aCorruptFileIsRefusedAndTheChampionStays() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    trainAndSave(registry, 1);
    registry.promote("m0001");
    trainAndSave(registry, 2);
    Path file = registry.folder().resolve("m0002.json");
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() / 2)); // cut off mid-write

    assertThatThrownBy(() -> registry.promote("m0002"))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("m0002.json: not a logrca model file (not JSON");
    assertThat(registry.champion()).contains("m0001");
  }

  @Test
  void foreignFilesAreRefusedWithWhatIsWrong() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    StoredModel model = trainAndSave(registry, 1);
    Path models = registry.folder();

    // a Java serialisation stream is never read
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new HashMap<>(Map.of("a", 1)));
    }
    Files.write(models.resolve("m0002.json"), bytes.toByteArray());
    assertThatThrownBy(() -> registry.load("m0002")).hasMessageContaining("not JSON");

    Files.writeString(models.resolve("m0003.json"), "{\"format\":\"sklearn\"}");
    assertThatThrownBy(() -> registry.load("m0003"))
        .hasMessageContaining("no format logrca-session-model");

    String text = Files.readString(models.resolve("m0001.json"));
    Files.writeString(
        models.resolve("m0004.json"), text.replace("\"formatVersion\":1", "\"formatVersion\":9"));
    assertThatThrownBy(() -> registry.load("m0004")).hasMessageContaining("format version 9");

    Files.writeString(models.resolve("m0005.json"), text.replaceFirst("\\[\\[0,", "[[99,"));
    assertThatThrownBy(() -> registry.load("m0005"))
        .hasMessageContaining("template index 99 outside the schema of 4");
    assertThat(model.card().id()).isEqualTo("m0001");
  }

  @Test
  void driftInTheTemplateMixMarksTheModelStale() throws Exception {
    ModelRegistry registry = new ModelRegistry(data);
    StoredModel model = trainAndSave(registry, 1);

    double same = TemplateMixDrift.divergence(model, mixOf(requests(200, 5, 1.0)));
    // payments stop storing orders and a retry template appears
    Map<String, Long> shifted = mixOf(requests(200, 6, 0.2));
    shifted.put("payment:9", 300L);
    double moved = TemplateMixDrift.divergence(model, shifted);

    assertThat(same).isLessThan(TemplateMixDrift.WARN);
    assertThat(moved).isGreaterThanOrEqualTo(TemplateMixDrift.DRIFT);
    registry.markStale(
        "m0001",
        String.format("template mix drift: JS %.3f >= %.2f", moved, TemplateMixDrift.DRIFT));
    assertThat(registry.load("m0001").card().stale()).startsWith("template mix drift: JS 0.");
  }

  private static Map<String, Long> mixOf(List<Session> sessions) {
    Map<String, Long> counts = new HashMap<>();
    sessions.forEach(s -> s.events().forEach(e -> counts.merge(e.template(), 1L, Long::sum)));
    return counts;
  }

  @Test
  void anIdThatIsNotAModelIdIsRefused() {
    ModelRegistry registry = new ModelRegistry(data);
    assertThatThrownBy(() -> registry.load("../etc/passwd")).hasMessageContaining("not a model id");
  }
}
