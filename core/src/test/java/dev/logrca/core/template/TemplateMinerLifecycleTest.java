package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids, the template cap, merges, configuration checks and snapshots. */
class TemplateMinerLifecycleTest {

  private static List<String> loghubLines() {
    List<String> lines = new ArrayList<>();
    for (String system : LoghubCorpus.SYSTEMS) {
      for (LoghubCorpus.Line line : LoghubCorpus.lines(system)) {
        lines.add(line.content());
      }
    }
    return lines;
  }

  @Test
  void evictsTheLeastRecentlyUsedTemplateAndNeverReusesItsId() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(2));
    int a = miner.mine("alpha started").templateId();
    int b = miner.mine("beta started now").templateId();
    miner.mine("alpha started"); // alpha is now more recent than beta
    int c = miner.mine("gamma stopped here again").templateId();

    assertThat(miner.templateCount()).isEqualTo(2);
    assertThat(miner.template(b)).isEmpty();
    assertThat(miner.template(a)).isPresent();
    assertThat(Set.of(a, b, c)).hasSize(3);

    MiningResult again = miner.mine("beta started now");
    assertThat(again.created()).isTrue();
    assertThat(again.templateId()).isNotIn(a, b, c);
  }

  @Test
  void capHoldsOverARealStream() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(50));
    Set<Integer> born = new HashSet<>();
    for (String line : loghubLines()) {
      MiningResult result = miner.mine(line);
      if (result.created()) {
        assertThat(born.add(result.templateId())).as("ids are never reused").isTrue();
      }
      assertThat(miner.templateCount()).isLessThanOrEqualTo(50);
    }
  }

  @Test
  void foldedTemplatesResolveToTheirSurvivor() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int first = miner.mine("worker pool alpha joined").templateId();
    int second = miner.mine("worker pool beta joined").templateId();
    int third = miner.mine("worker pool gamma joined").templateId();

    assertThat(second).isNotEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(miner.resolve(second)).isEqualTo(first);
    assertThat(miner.resolve(first)).isEqualTo(first);
    assertThat(miner.template(second).orElseThrow().id()).isEqualTo(first);
    assertThat(miner.template(first).orElseThrow().matchCount()).isEqualTo(3);
  }

  @Test
  void restoredMinerContinuesExactlyLikeTheOriginal() {
    List<String> lines = loghubLines();
    java.util.Collections.shuffle(lines, new java.util.Random(3));
    MinerConfig config = MinerConfig.defaults().withMaxTemplates(150);
    TemplateMiner original = new TemplateMiner(config);
    int half = lines.size() / 2;
    for (String line : lines.subList(0, half)) {
      original.mine(line);
    }

    TemplateMiner restored = TemplateMiner.restore(original.snapshot());

    assertThat(restored.templates()).isEqualTo(original.templates());
    for (String line : lines.subList(half, lines.size())) {
      assertThat(restored.mine(line)).isEqualTo(original.mine(line));
    }
    assertThat(restored.templates()).isEqualTo(original.templates());
    for (int id = 1; id < 400; id++) {
      assertThat(restored.resolve(id)).isEqualTo(original.resolve(id));
    }
  }

  @Test
  void rejectsASnapshotThatIsNotOne() {
    assertThatThrownBy(() -> TemplateMiner.restore(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configurationIsValidated() {
    assertThatThrownBy(() -> MinerConfig.defaults().withSimilarityThreshold(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MinerConfig.defaults().withTreeDepth(2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MinerConfig.defaults().withMaxTemplates(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
