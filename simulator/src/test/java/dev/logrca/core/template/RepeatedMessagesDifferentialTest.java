package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.template.bench.MiningCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Remembering repeated messages must be invisible: miners that remember them and miners that mine
 * every message afresh are fed the same messages, cold then warm, and must return equal results
 * (template id and text, parameters and their types, the created and changed flags, the template
 * change) and end in byte-identical snapshots.
 */
class RepeatedMessagesDifferentialTest {

  @Test
  void loghubCorpusMinesAlikeWithAndWithoutRememberingRepeats() throws IOException {
    assertMinesAlike(MiningCorpus.named("loghub"));
  }

  @Test
  void simulatorCorpusMinesAlikeWithAndWithoutRememberingRepeats() throws IOException {
    assertMinesAlike(MiningCorpus.named("simulator"));
  }

  @Test
  void aRepeatAfterItsTemplateGeneralisedReadsTheNewTemplate() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("session opened for user alice by cron job on the main web host");
    MiningResult remembered =
        miner.mine("session opened for user alice by cron job on the main web host");
    miner.mine("session opened for user bob by cron job on the main web host");

    MiningResult repeat =
        miner.mine("session opened for user alice by cron job on the main web host");

    assertThat(remembered.template())
        .isEqualTo("session opened for user alice by cron job on the main web host");
    assertThat(repeat.template())
        .isEqualTo("session opened for user <*> by cron job on the main web host");
    assertThat(repeat.parameters()).containsExactly("alice");
  }

  @Test
  void aRepeatFollowsTheRouteANewTemplateOpens() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("123 started now");
    miner.mine("gamma started now"); // joins "<*> started now" down the wildcard branch
    MiningResult remembered = miner.mine("gamma started now");
    miner.mine("gamma stopped late"); // opens a "gamma" branch

    MiningResult repeat = miner.mine("gamma started now");

    assertThat(remembered.template()).isEqualTo("<*> started now");
    assertThat(repeat.created()).isTrue();
    assertThat(repeat.template()).isEqualTo("gamma started now");
  }

  @Test
  void aRepeatAfterItsTemplateWasEvictedIsMinedAfresh() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults().withMaxTemplates(1));
    miner.mine("alpha started");
    miner.mine("alpha started");
    miner.mine("beta stopped now");

    MiningResult repeat = miner.mine("alpha started");

    assertThat(repeat.created()).isTrue();
    assertThat(miner.templateCount()).isEqualTo(1);
  }

  /**
   * Messages of few kinds and few values, so that they repeat word for word while their templates
   * still change now and then: framed and punctuated values, multi-word values.
   */
  @Test
  void framedAndPunctuatedValuesMineAlike() {
    String[] frames = {
      "key=%s", "(%s)", "SKU-%s:", "[%s]", "%s,", "'%s'", "<%s>", "%s.", "at=%s;", "x#%s", "/%s",
      "id:%s", "\"%s\"", "v%s", "%s)."
    };
    String[] values = {
      "42",
      "-7",
      "0.25",
      "1.2.3",
      "10.0.0.1",
      "10.0.0.1:8080",
      "deadbeef01",
      "0x1f",
      "abc",
      "true",
      "host-07",
      "core.2275",
      "a/b",
      "12ms",
      "4KB",
      "2024-05-01",
      "10:30:00",
      "x=1",
      "blk_-12",
      "UPPER",
      "e5",
      "ab:cd:ef:01:23:45",
      "/var/log",
      "9.",
      "(3)",
      "http://x/y",
      "C:/tmp",
      "~home",
      "1,5",
      "a;b",
      "v2.0",
      "node12",
      "/10.0.0.1:2181",
      "5 KB",
      "./run",
      "1.2.3.4.5",
      "f00d-beef",
      "null",
      "<*>",
      "Jan"
    };
    Random random = new Random(7);
    // each kind of message keeps its frames and draws from a few values, as a real print does
    String[][] kinds = new String[60][];
    for (int k = 0; k < kinds.length; k++) {
      kinds[k] =
          new String[] {
            Integer.toString(random.nextInt(4)),
            framed(frames, "%s", random),
            framed(frames, "%s", random),
            pick(values, random),
            pick(values, random),
            pick(values, random)
          };
    }
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String[] kind = kinds[random.nextInt(kinds.length)];
      String first = String.format(kind[1], kind[3 + random.nextInt(3)]);
      String second = String.format(kind[2], kind[3 + random.nextInt(3)]);
      String third = kind[3 + random.nextInt(3)];
      String message =
          switch (kind[0]) {
            case "0" -> "request " + first + " served " + second;
            case "1" -> "Worker started " + first + " Next " + second;
            case "2" -> "job " + first + " took " + third + " ms and " + second;
            default -> "cache " + first + " \"" + third + " more\" " + second;
          };
      messages.add(message);
    }
    String[] lines = messages.toArray(new String[0]);
    assertMinesAlike(new MiningCorpus(lines, new int[lines.length], 1));
  }

  /** The value in one frame, or in a frame in a frame. */
  private static String framed(String[] frames, String value, Random random) {
    String once = String.format(frames[random.nextInt(frames.length)], value);
    return random.nextBoolean() ? once : String.format(frames[random.nextInt(frames.length)], once);
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }

  private static void assertMinesAlike(MiningCorpus corpus) {
    String[] messages = corpus.messages();
    int[] minerOf = corpus.minerOf();
    TemplateMiner[] remembering = corpus.newMiners();
    TemplateMiner[] full = corpus.newMiners();
    for (TemplateMiner miner : full) {
      miner.rememberRepeats(false);
      miner.rememberShapes(false);
    }
    // answered from shapes, repeats would mostly not reach the memory of repeats under test
    for (TemplateMiner miner : remembering) {
      miner.rememberShapes(false);
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < messages.length; i++) {
        MiningResult expected = full[minerOf[i]].mine(messages[i]);
        MiningResult actual = remembering[minerOf[i]].mine(messages[i]);
        assertThat(actual).as("pass %d, line %d: %s", pass, i, messages[i]).isEqualTo(expected);
      }
    }
    long answered = 0;
    for (int m = 0; m < remembering.length; m++) {
      assertThat(remembering[m].snapshot())
          .as("snapshot of miner %d", m)
          .isEqualTo(full[m].snapshot());
      answered += remembering[m].repeatAnswers;
      assertThat(full[m].repeatAnswers).isZero();
    }
    // the comparison means something only if repeats were answered from memory
    assertThat(answered).isGreaterThan(messages.length / 10);
  }
}
