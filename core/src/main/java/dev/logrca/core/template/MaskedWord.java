package dev.logrca.core.template;

/**
 * A word's template form, with the type its whole text was classified as while masking it, so that
 * a word that turns out to be a parameter is not classified a second time.
 *
 * @param mask the word's template form, as {@link TokenMasker#mask(String, boolean)} gives it
 * @param type the word's {@link VariableClassifier#typeOf} when {@code typeKnown}
 * @param typeKnown whether masking classified the whole word (null is then a known answer)
 * @param value when the mask has one wildcard and masking classified what it replaced, that value's
 *     note; a template token that reads as this mask takes exactly that value from the word
 */
record MaskedWord(String mask, VariableType type, boolean typeKnown, MaskedWord value) {

  MaskedWord(String mask, VariableType type, boolean typeKnown) {
    this(mask, type, typeKnown, null);
  }

  /** {@link VariableClassifier#typeOrWord} of {@code word}, which is the word this was made of. */
  VariableType typeOrWord(String word) {
    if (!typeKnown) {
      return VariableClassifier.typeOrWord(word);
    }
    if (type != null) {
      return type;
    }
    return word.indexOf(' ') >= 0 ? VariableType.QUOTED : VariableType.WORD;
  }
}
