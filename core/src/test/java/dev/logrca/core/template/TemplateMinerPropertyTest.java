package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over every Loghub line and random mixes of them: a template always matches its line, and the
 * parameters put back into the template give the line (whitespace runs read as one space).
 */
class TemplateMinerPropertyTest {

  private static String reinsert(String template, List<String> parameters) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (String parameter : parameters) {
      int star = template.indexOf("<*>", from);
      assertThat(star).as("a <*> for every parameter in %s", template).isNotNegative();
      out.append(template, from, star).append(parameter);
      from = star + 3;
    }
    assertThat(template.indexOf("<*>", from)).as("no <*> left over").isNegative();
    return out.append(template.substring(from)).toString();
  }

  private static String normalised(String line) {
    return String.join(" ", PlainTokenizer.splitWhitespace(line));
  }

  /** A low threshold generalises far more, which is where covering bugs would show. */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 0.5, 0.92})
  void parametersReinsertedGiveBackEveryLine(double threshold) {
    List<String> all = new ArrayList<>();
    for (String system : LoghubCorpus.SYSTEMS) {
      for (LoghubCorpus.Line line : LoghubCorpus.lines(system)) {
        all.add(line.content());
      }
    }
    java.util.Collections.shuffle(all, new Random(7));
    TemplateMiner miner =
        new TemplateMiner(MinerConfig.defaults().withSimilarityThreshold(threshold));
    for (String line : all) {
      MiningResult result = miner.mine(line);

      assertThat(reinsert(result.template(), result.parameters())).isEqualTo(normalised(line));
      assertThat(result.parameterTypes()).hasSameSizeAs(result.parameters());
      assertThat(miner.template(result.templateId()).orElseThrow().text())
          .isEqualTo(result.template());
    }
  }

  @Test
  void structuredLinesComeBackExactly() {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      String line =
          random.nextBoolean()
              ? "{\"ts\": "
                  + random.nextInt(1000)
                  + ", \"msg\": \"job "
                  + i
                  + " done\", "
                  + "\"tags\": [1, 2], \"ctx\": {\"user\": \"u"
                  + random.nextInt(9)
                  + "\"}}"
              : "level=info msg=\"job " + i + " done\" user=u" + random.nextInt(9);
      MiningResult result = miner.mine(line);

      assertThat(reinsert(result.template(), result.parameters())).isEqualTo(line);
    }
    assertThat(miner.templateCount()).isEqualTo(2);
  }
}
