package dev.logrca.core.template;

/**
 * What masking one token learns besides its template form: the type of the whole token, and the
 * type of its one value when it has exactly one and masking classified exactly it ({@code
 * traceId=3ed8a2...} has one, a hex value), so that the value is not classified again each time it
 * is a template's parameter.
 */
final class MaskNote {
  private VariableType type;
  private boolean typeKnown;
  private int values;
  private VariableType valueType;

  /** {@link VariableClassifier#typeOf} of the whole token. */
  void wholeType(VariableType type) {
    this.type = type;
    this.typeKnown = true;
  }

  /** A value masked by one wildcard, with {@link VariableClassifier#typeOf} of it or null. */
  void value(VariableType type) {
    values++;
    valueType = type;
  }

  /** The masked word when adjacent wildcards were joined in its mask: no value is noted. */
  MaskedWord joinedWord(String mask) {
    return new MaskedWord(mask, type, typeKnown);
  }

  /** The masked word: its mask, its type, and the note of its one value if classified. */
  MaskedWord word(String mask) {
    int wildcard = mask.indexOf(TokenMasker.WILDCARD);
    // one wildcard in the mask, that value's, and no "<*>" the token had written in it; a token
    // that is one value altogether is noted by its own type
    boolean oneValue =
        values == 1
            && valueType != null
            && wildcard >= 0
            && wildcard == mask.lastIndexOf(TokenMasker.WILDCARD)
            && mask.length() > TokenMasker.WILDCARD.length();
    MaskedWord value =
        oneValue ? new MaskedWord(TokenMasker.WILDCARD, valueType, true, null) : null;
    return new MaskedWord(mask, type, typeKnown, value);
  }
}
