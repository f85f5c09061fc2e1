package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Holds the mask cache's answers without masking (plain numbers, words of letters) to what masking
 * gives, on every Loghub word and many random and mutated ones.
 */
class MaskCacheTest {
  private static final RegexAgreement SAMPLES =
      new RegexAgreement("aeflnrstuxyzAEFLNRSTU.-0", 1, 200_000);

  @Test
  void aWordOfLettersMasksAsMaskingWouldMaskIt() {
    int letters = 0;
    for (String word : SAMPLES.samples()) {
      if (!MaskCache.isLetters(word)) {
        continue;
      }
      letters++;
      for (boolean sentenceMayEnd : new boolean[] {true, false}) {
        assertThat(MaskCache.lettersMask(word))
            .as(word)
            .isEqualTo(TokenMasker.maskWord(word, sentenceMayEnd));
      }
    }
    assertThat(letters).isGreaterThan(10_000);
    assertThat(MaskCache.lettersMask("true").mask()).isEqualTo(TokenMasker.WILDCARD);
    assertThat(MaskCache.lettersMask("nullable").mask()).isEqualTo("nullable");
  }

  @Test
  void theCacheAnswersAsMaskingDoes() {
    MaskCache cache = new MaskCache();
    for (String word : SAMPLES.samples()) {
      if (word.isEmpty()) {
        continue;
      }
      for (boolean sentenceMayEnd : new boolean[] {true, false}) {
        assertThat(cache.mask(word, sentenceMayEnd))
            .as(word)
            .isEqualTo(TokenMasker.maskWord(word, sentenceMayEnd));
      }
    }
  }
}
