package dev.logrca.core.template;

import java.util.HashMap;

/**
 * Remembers the masked form of the words one thread has seen lately, since most words of a log
 * recur (the constant text, hosts, users, small numbers) and masking costs several scans of the
 * word where a lookup costs one. Masking is a pure function of the word, so a thread's miners share
 * one cache. It is bounded in two generations: when the recent one is full it becomes the older one
 * and the previous older one is dropped, so unique values (ids, timestamps) cannot make it grow
 * without end, yet do not flush the recurring words with them (a word found in the older generation
 * moves back to the recent one).
 */
final class MaskCache {
  /** About a megabyte of words per thread at most, whatever the number of miners. */
  static final int CAPACITY = 8192;

  private static final ThreadLocal<MaskCache> PER_THREAD = ThreadLocal.withInitial(MaskCache::new);

  /** What masking makes of every plain number ({@code 42}, {@code -7}, {@code 0.25}). */
  private static final MaskedWord NUMBER =
      new MaskedWord(TokenMasker.WILDCARD, VariableType.NUMBER, true);

  /** What masking makes of {@code true}, {@code false} and {@code null}. */
  private static final MaskedWord BOOLEAN =
      new MaskedWord(TokenMasker.WILDCARD, VariableType.BOOLEAN, true);

  private final Generations words = new Generations(CAPACITY / 2);

  /** Words ending in a period that does not end a sentence, whose mask differs. */
  private final Generations midSentence = new Generations(CAPACITY / 16);

  static MaskCache forThisThread() {
    return PER_THREAD.get();
  }

  /** {@link TokenMasker#maskWord}, remembered. */
  MaskedWord mask(String word, boolean sentenceMayEnd) {
    if (VariableClassifier.isPlainNumber(word)) {
      // the commonest word the cache has not seen; one scan says it is a number
      return NUMBER;
    }
    if (isLetters(word)) {
      // most words of a sentence: one scan says what masking would make of them
      return lettersMask(word);
    }
    // only a final period makes the mask depend on the next word
    boolean periodInside = !sentenceMayEnd && word.endsWith(".");
    Generations cache = periodInside ? midSentence : words;
    MaskedWord masked = cache.get(word);
    if (masked == null) {
      masked = TokenMasker.maskWord(word, !periodInside);
      cache.put(word, masked);
    }
    return masked;
  }

  /**
   * {@link TokenMasker#maskWord} of a word of ASCII letters only, which holds no value but a
   * boolean or null: such a word is its own mask and of no type.
   */
  static MaskedWord lettersMask(String word) {
    if (word.equals("true") || word.equals("false") || word.equals("null")) {
      return BOOLEAN;
    }
    return new MaskedWord(word, null, true);
  }

  /** Whether the word has ASCII letters only. */
  static boolean isLetters(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if ((c < 'a' || c > 'z') && (c < 'A' || c > 'Z')) {
        return false;
      }
    }
    return !word.isEmpty();
  }

  /** Two generations of masked words, the older one dropped when the recent one is full. */
  private static final class Generations {
    private final int size;
    private HashMap<String, MaskedWord> recent;
    private HashMap<String, MaskedWord> older;

    Generations(int size) {
      this.size = size;
      this.recent = new HashMap<>(2 * size);
      this.older = new HashMap<>(2 * size);
    }

    MaskedWord get(String word) {
      MaskedWord masked = recent.get(word);
      if (masked == null) {
        masked = older.get(word);
        if (masked != null) {
          put(word, masked); // still in use: keep it past the next turnover
        }
      }
      return masked;
    }

    void put(String word, MaskedWord masked) {
      if (recent.size() >= size) {
        HashMap<String, MaskedWord> dropped = older;
        older = recent;
        recent = dropped;
        recent.clear();
      }
      recent.put(word, masked);
    }
  }
}
