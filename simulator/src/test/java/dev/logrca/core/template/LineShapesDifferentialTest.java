package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.template.bench.MiningCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Answering a message from the shape of an earlier one must be invisible: miners that do (with and
 * without the memory of exact repeats) and miners that mine every message in full are fed the same
 * messages, cold then warm, and must return equal results and end in byte-identical snapshots. Real
 * corpora, the same corpora with their digits and hex runs redrawn (so that most messages are
 * answered from a shape whose exemplar had other values), and values of every shape the masker
 * knows, at fixed widths with random digits.
 */
class LineShapesDifferentialTest {
  private static final String HEX = "0123456789abcdef";

  @Test
  void loghubCorpusMinesAlikeWithAndWithoutShapes() throws IOException {
    assertMinesAlike(MiningCorpus.named("loghub"));
  }

  @Test
  void simulatorCorpusMinesAlikeWithAndWithoutShapes() throws IOException {
    assertMinesAlike(MiningCorpus.named("simulator"));
  }

  @Test
  void loghubLinesWithOtherNumbersMineAlike() throws IOException {
    assertMinesAlike(redrawn(MiningCorpus.named("loghub"), new Random(11)));
  }

  @Test
  void simulatorLinesWithOtherNumbersMineAlike() throws IOException {
    assertMinesAlike(redrawn(MiningCorpus.named("simulator"), new Random(13)));
  }

  @Test
  void valuesOfEveryShapeMineAlike() {
    Random random = new Random(17);
    List<Function<Random, String>> kinds = new ArrayList<>();
    for (int k = 0; k < 150; k++) {
      kinds.add(kind(random));
    }
    String[] messages = new String[30_000];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = kinds.get(random.nextInt(kinds.size())).apply(random);
    }
    assertMinesAlike(new MiningCorpus(messages, new int[messages.length], 1));
  }

  @Test
  void aWordWhoseTemplateKeepsItsDigitIsNotTakenForAnother() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("link up on tty2 at 9600 baud");
    miner.mine("link up on tty2 at 9600 baud");

    MiningResult other = miner.mine("link up on tty3 at 9600 baud");

    // not the remembered "link up on tty2 at <*> baud": the template learns a variable
    assertThat(other.changed()).isTrue();
    assertThat(other.template()).isEqualTo("link up on <*> at <*> baud");
    assertThat(other.parameters()).containsExactly("tty3", "9600");
  }

  @Test
  void aHexPrefixIsReadByItsDigit() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    miner.mine("flags 0x1f set");
    miner.mine("flags 0x2e set");

    MiningResult hex = miner.mine("flags 0x3a set");
    MiningResult id = miner.mine("flags 1x3a set");

    assertThat(hex.parameterTypes()).containsExactly(VariableType.HEX);
    assertThat(id.parameterTypes()).containsExactly(VariableType.ID);
  }

  @Test
  void templatesLookedUpBetweenAnswersKeepTheOrderOfUse() {
    TemplateMiner fast = new TemplateMiner(MinerConfig.defaults());
    TemplateMiner full = new TemplateMiner(MinerConfig.defaults());
    full.rememberRepeats(false);
    full.rememberShapes(false);
    for (TemplateMiner miner : List.of(fast, full)) {
      miner.mine("job 1 started on node 7");
      int failed = miner.mine("job 2 failed on node 7").templateId();
      miner.mine("job 3 started on node 8");
      miner.template(failed); // now the most recently used
      miner.mine("job 4 started on node 9");
      miner.template(failed);
      miner.mine("job 5 started on node 9");
    }

    assertThat(fast.snapshot()).isEqualTo(full.snapshot());
    assertThat(fast.shapeAnswers).isEqualTo(2);
  }

  @Test
  void aRestoredMinerAnswersAsTheOneItWasTakenFrom() throws IOException {
    MiningCorpus corpus = MiningCorpus.named("loghub");
    TemplateMiner original = new TemplateMiner(MinerConfig.defaults());
    String[] messages = corpus.messages();
    int half = messages.length / 2;
    for (int i = 0; i < half; i++) {
      original.mine(messages[i]);
    }
    for (int i = 0; i < half; i++) {
      original.mine(messages[i]); // warm: many answered from shapes
    }
    TemplateMiner restored = TemplateMiner.restore(original.snapshot());

    for (int i = 0; i < messages.length; i++) {
      assertThat(restored.mine(messages[i])).as(messages[i]).isEqualTo(original.mine(messages[i]));
    }
    assertThat(original.shapeAnswers).isGreaterThan(half / 2);
  }

  /**
   * Each line, then two copies of it with other digits and hex runs in the same places, so that
   * they share its skeleton.
   */
  private static MiningCorpus redrawn(MiningCorpus corpus, Random random) {
    String[] messages = corpus.messages();
    int[] minerOf = corpus.minerOf();
    String[] lines = new String[3 * messages.length];
    int[] miners = new int[lines.length];
    for (int i = 0; i < messages.length; i++) {
      for (int copy = 0; copy < 3; copy++) {
        lines[3 * i + copy] = copy == 0 ? messages[i] : redrawn(messages[i], random);
        miners[3 * i + copy] = minerOf[i];
      }
    }
    return new MiningCorpus(lines, miners, corpus.miners());
  }

  /** The line with random digits and hex runs where its skeleton abstracts them. */
  static String redrawn(String line, Random random) {
    LineSkeleton skeleton = new LineSkeleton();
    if (!skeleton.read(line)) {
      return line;
    }
    char[] abstracted = skeleton.copy();
    for (int attempt = 0; attempt < 10; attempt++) {
      char[] out = line.toCharArray();
      for (int i = 0; i < out.length; i++) {
        char at = abstracted[i];
        boolean runStart = i == 0 || abstracted[i - 1] != at;
        if (at == '0' && out[i] >= '0' && out[i] <= '9') {
          boolean beforeX = i + 1 < out.length && (out[i + 1] | 0x20) == 'x';
          out[i] = beforeX ? out[i] : (char) ('0' + random.nextInt(10));
        } else if (at == LineSkeleton.RUN_FROM_DIGIT) {
          out[i] = runStart ? (char) ('0' + random.nextInt(10)) : HEX.charAt(random.nextInt(16));
        } else if (at == LineSkeleton.RUN_FROM_LETTER) {
          out[i] = runStart ? (char) ('a' + random.nextInt(6)) : HEX.charAt(random.nextInt(16));
        }
      }
      String variant = new String(out);
      LineSkeleton check = new LineSkeleton();
      if (check.read(variant) && Arrays.equals(check.copy(), abstracted)) {
        return variant;
      }
    }
    return line;
  }

  /** A kind of message: fixed words around values of fixed shapes and widths. */
  private static Function<Random, String> kind(Random random) {
    List<Function<Random, String>> parts = new ArrayList<>();
    int values = 1 + random.nextInt(3);
    String[] words = {"request", "took", "from", "at", "user", "Started", "id", "state", "done"};
    for (int v = 0; v < values; v++) {
      String word = words[random.nextInt(words.length)];
      parts.add(r -> word);
      parts.add(value(random));
    }
    boolean logfmt = random.nextInt(8) == 0;
    boolean json = !logfmt && random.nextInt(8) == 0;
    return r -> {
      StringBuilder out = new StringBuilder(json ? "{" : "");
      for (int p = 0; p < parts.size(); p += 2) {
        String key = parts.get(p).apply(r) + p;
        String value = parts.get(p + 1).apply(r);
        if (json) {
          out.append(p > 0 ? ", " : "").append('"').append(key).append("\": \"").append(value);
          out.append('"');
        } else if (logfmt) {
          out.append(p > 0 ? " " : "").append(key).append('=').append(value.replace(' ', '_'));
        } else {
          out.append(p > 0 ? " " : "").append(parts.get(p).apply(r)).append(' ').append(value);
        }
      }
      return out.append(json ? "}" : "").toString();
    };
  }

  /** Values of one shape at fixed widths, with random digits and hex letters. */
  private static Function<Random, String> value(Random random) {
    int a = 1 + random.nextInt(3);
    int b = 1 + random.nextInt(12);
    int c = 8 + random.nextInt(33);
    String[] frames = {"%s", "(%s)", "[%s]", "%s,", "'%s'", "id=%s", "%s.", "<%s>", "\"%s\""};
    String frame = frames[random.nextInt(frames.length)];
    Function<Random, String> shape =
        switch (random.nextInt(24)) {
          case 0 -> r -> digits(r, b);
          case 1 -> r -> "-" + digits(r, b) + "." + digits(r, a);
          case 2 ->
              r -> digits(r, a) + "." + digits(r, a) + "." + digits(r, a) + "." + digits(r, a);
          case 3 -> r -> "/" + digits(r, a) + ".0.0." + digits(r, a) + ":" + digits(r, 4);
          case 4 -> r -> digits(r, 1) + "x" + hex(r, a);
          case 5 -> r -> digits(r, 4) + "-" + digits(r, 2) + "-" + digits(r, 2) + " " + clock(r);
          case 6 -> r -> digits(r, 4) + "-" + digits(r, 2) + "-" + digits(r, 2) + "T" + clock(r);
          case 7 -> r -> "tty" + digits(r, 1);
          case 8 -> r -> "blk_-" + digits(r, b);
          case 9 -> r -> hex(r, c);
          case 10 -> r -> hex(r, 8) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-" + hex(r, 4) + "-";
          case 11 -> r -> digits(r, 5) + "e" + digits(r, a);
          case 12 -> r -> digits(r, a) + "ms";
          case 13 -> r -> digits(r, a) + "." + digits(r, 1) + " KB";
          case 14 -> r -> digits(r, b) + " bytes";
          case 15 -> r -> "v" + digits(r, 1) + "." + digits(r, a) + "." + digits(r, 1);
          case 16 -> r -> "Sat May " + digits(r, a % 2 + 1) + " " + clock(r) + " 2004";
          case 17 -> r -> hex(r, 2) + ":" + hex(r, 2) + ":" + hex(r, 2) + ":0a:1b:2c";
          case 18 -> r -> "host-" + digits(r, a) + ".example.com:" + digits(r, 4);
          case 19 -> r -> "\"GET /api/" + digits(r, b) + " HTTP/1.1\"";
          case 20 -> r -> "job_" + digits(r, 13) + "_" + digits(r, 4);
          case 21 -> r -> hex(r, c).toUpperCase();
          case 22 -> r -> "core." + digits(r, b);
          default -> r -> digits(r, a) + ":" + digits(r, 2) + ":" + hex(r, c) + "/" + digits(r, 1);
        };
    return r -> String.format(frame, shape.apply(r));
  }

  private static String clock(Random random) {
    return digits(random, 2) + ":" + digits(random, 2) + ":" + digits(random, 2);
  }

  private static String digits(Random random, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  private static String hex(Random random, int count) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append(HEX.charAt(random.nextInt(16)));
    }
    return out.toString();
  }

  /**
   * Mines the corpus twice with miners that mine in full, miners that answer from shapes only, and
   * miners that answer from shapes and repeats, and holds them to the same results and snapshots.
   */
  private static void assertMinesAlike(MiningCorpus corpus) {
    String[] messages = corpus.messages();
    int[] minerOf = corpus.minerOf();
    TemplateMiner[] full = corpus.newMiners();
    TemplateMiner[] shapes = corpus.newMiners();
    TemplateMiner[] both = corpus.newMiners();
    for (int m = 0; m < full.length; m++) {
      full[m].rememberRepeats(false);
      full[m].rememberShapes(false);
      shapes[m].rememberRepeats(false);
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < messages.length; i++) {
        MiningResult expected = full[minerOf[i]].mine(messages[i]);
        String as = String.format("pass %d, line %d: %s", pass, i, messages[i]);
        assertThat(shapes[minerOf[i]].mine(messages[i])).as(as).isEqualTo(expected);
        assertThat(both[minerOf[i]].mine(messages[i])).as(as).isEqualTo(expected);
      }
    }
    long answered = 0;
    for (int m = 0; m < full.length; m++) {
      byte[] expected = full[m].snapshot();
      assertThat(shapes[m].snapshot()).as("snapshot of miner %d", m).isEqualTo(expected);
      assertThat(both[m].snapshot()).as("snapshot of miner %d", m).isEqualTo(expected);
      answered += shapes[m].shapeAnswers;
      assertThat(full[m].shapeAnswers).isZero();
    }
    // the comparison means something only if many messages were answered from shapes
    assertThat(answered).isGreaterThan(messages.length / 4);
  }
}
