package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Holds the type masking notes for a word's one value to what classifying that value afresh gives,
 * on every Loghub word and many random and mutated ones, as the template reading exactly as the
 * word's mask would take it.
 */
class MaskNoteTest {
  private static final RegexAgreement SAMPLES =
      new RegexAgreement("abcdefxyzABC0123456789=:/._-<*>()[],\"' ", 3, 200_000);

  @Test
  void theNotedValueTypeIsTheValuesOwn() {
    int noted = 0;
    for (String word : SAMPLES.samples()) {
      if (word.isEmpty() || word.isBlank()) {
        continue;
      }
      for (boolean sentenceMayEnd : new boolean[] {true, false}) {
        MaskedWord masked = TokenMasker.maskWord(word, sentenceMayEnd);
        if (masked.value() == null) {
          continue;
        }
        List<String> values = new ArrayList<>();
        List<MaskedWord> sources = new ArrayList<>();
        int uncovered =
            Parameters.extract(
                new String[] {masked.mask()},
                new String[] {word},
                new MaskedWord[] {masked},
                values,
                sources);
        assertThat(uncovered).as(word).isEqualTo(-1);
        assertThat(values).as(word).hasSize(1);
        assertThat(sources.get(0)).as(word).isSameAs(masked.value());
        assertThat(masked.value().typeOrWord(values.get(0)))
            .as("'%s' in '%s'", values.get(0), word)
            .isEqualTo(VariableClassifier.typeOrWord(values.get(0)));
        noted++;
      }
    }
    assertThat(noted).as("words with a noted value").isGreaterThan(1000);
  }

  @Test
  void aGluedValueIsNotedWithItsType() {
    MaskedWord masked = TokenMasker.maskWord("traceId=3ed8a22016b35ffc06070b71dd36748e", true);
    assertThat(masked.mask()).isEqualTo("traceId=<*>");
    assertThat(masked.value().type()).isEqualTo(VariableType.HEX);
  }

  @Test
  void twoValuesOrAnUnclassifiedOneAreNotNoted() {
    assertThat(TokenMasker.maskWord("a=1,b=2", true).value()).isNull();
    assertThat(TokenMasker.maskWord("core.2275", true).value()).isNull();
    assertThat(TokenMasker.maskWord("<*>=5", true).value()).isNull();
  }
}
