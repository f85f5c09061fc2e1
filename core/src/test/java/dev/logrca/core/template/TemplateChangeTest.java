package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The changes the miner reports: births, generalisations, merges, and none for the rest. */
class TemplateChangeTest {

  @Test
  void aNewTemplateIsReportedAsBorn() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    TemplateChange birth = miner.mine("disk check finished on node7").change().orElseThrow();

    assertThat(birth.born()).isTrue();
    assertThat(birth.previousText()).isNull();
    assertThat(birth.text()).isEqualTo(miner.templates().iterator().next().text());
    assertThat(birth.retiredIds()).isEmpty();
  }

  @Test
  void aGeneralisationYieldsOneChangeWithTheOldAndNewText() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    MiningResult first =
        miner.mine("Changing view acls for the web console of the cluster to: yarn,curi today");
    MiningResult second =
        miner.mine("Changing view acls for the web console of the cluster to: root today");

    TemplateChange change = second.change().orElseThrow();
    assertThat(change.templateId()).isEqualTo(first.templateId());
    assertThat(change.previousText()).isEqualTo(first.template());
    assertThat(change.text())
        .isEqualTo("Changing view acls for the web console of the cluster to: <*> today");
    assertThat(change.textChanged()).isTrue();
    assertThat(change.retiredIds()).isEmpty();
    assertThat(change.matchCount()).isEqualTo(2);
  }

  @Test
  void aMergeYieldsTheRetiredIdAndTheSurvivor() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    int first = miner.mine("worker pool alpha joined").templateId();
    int second = miner.mine("worker pool beta joined").templateId();
    MiningResult third = miner.mine("worker pool gamma joined");

    TemplateChange merge = third.change().orElseThrow();
    assertThat(merge.templateId()).isEqualTo(first);
    assertThat(merge.retiredIds()).containsExactly(second);
    assertThat(merge.previousText()).isEqualTo("worker pool alpha joined");
    assertThat(merge.text()).isEqualTo("worker pool <*> joined");
    assertThat(merge.matchCount()).isEqualTo(3);
  }

  @Test
  void aLineThatLeavesItsTemplateAsItWasYieldsNoChange() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("session closed for user alice");
    miner.mine("session closed for user bob");
    miner.mine("session closed for user carol");

    MiningResult same = miner.mine("session closed for user dave");
    assertThat(same.change()).isEmpty();
    assertThat(miner.mine("session closed for user alice").change()).isEmpty();
  }

  @Test
  void everyIdThatEverResolvesToATemplateIsListedOnItsLaterChanges() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    List<TemplateChange> changes = new ArrayList<>();
    for (String line : realLines()) {
      miner.mine(line).change().ifPresent(changes::add);
    }
    assertThat(changes).isNotEmpty();
    assertThat(changes).anySatisfy(c -> assertThat(c.retiredIds()).isNotEmpty());
    for (TemplateChange change : changes) {
      for (int gone : change.retiredIds()) {
        assertThat(miner.resolve(gone))
            .as("retired %d of %d", gone, change.templateId())
            .isIn(miner.resolve(change.templateId()));
      }
    }
    // the last change of each live template tells its current text
    for (Template live : miner.templates()) {
      TemplateChange last =
          changes.stream().filter(c -> c.templateId() == live.id()).reduce((a, b) -> b).get();
      assertThat(last.text()).isEqualTo(live.text());
    }
  }

  @Test
  void aRestoredMinerReportsTheSameChangesAsAnUninterruptedOne() {
    List<String> lines = realLines();
    TemplateMiner uninterrupted = new TemplateMiner(MinerConfig.defaults());
    List<TemplateChange> expected = new ArrayList<>();
    for (String line : lines) {
      uninterrupted.mine(line).change().ifPresent(expected::add);
    }

    TemplateMiner before = new TemplateMiner(MinerConfig.defaults());
    List<TemplateChange> resumed = new ArrayList<>();
    int half = lines.size() / 2;
    for (String line : lines.subList(0, half)) {
      before.mine(line).change().ifPresent(resumed::add);
    }
    TemplateMiner after = TemplateMiner.restore(before.snapshot());
    for (String line : lines.subList(half, lines.size())) {
      after.mine(line).change().ifPresent(resumed::add);
    }

    assertThat(resumed).isEqualTo(expected);
  }

  /** Two Loghub systems shuffled, so that templates generalise and merge along the way. */
  private static List<String> realLines() {
    List<String> lines = new ArrayList<>();
    for (String system : List.of("HDFS", "Linux")) {
      for (LoghubCorpus.Line line : LoghubCorpus.lines(system)) {
        lines.add(line.content());
      }
    }
    Collections.shuffle(lines, new Random(5));
    return lines;
  }
}
