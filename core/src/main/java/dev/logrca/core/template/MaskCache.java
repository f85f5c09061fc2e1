package dev.logrca.core.template;

import java.util.HashMap;

/**
 * Remembers the masked form of the words one thread has seen lately, since most words of a log
 * recur (the constant text, hosts, users, small numbers) and masking costs several scans of the
 * word where a lookup costs one. Masking is a pure function of the word, so a thread's miners share
 * one cache. It is bounded in two generations: when the recent one is full it becomes the older
 * one and the previous older one is dropped, so unique values (ids, timestamps) cannot make it grow
 * without end, yet do not flush the recurring words with them (a word found in the older
 * generation moves back to the recent one).
 */
final class MaskCache {
  /** About a megabyte of words per thread at most, whatever the number of miners. */
  static final int CAPACITY = 8192;

  private static final int GENERATION = CAPACITY / 2;

  private static final ThreadLocal<MaskCache> PER_THREAD = ThreadLocal.withInitial(MaskCache::new);

  private HashMap<String, MaskedWord> recent = new HashMap<>(2 * GENERATION);
  private HashMap<String, MaskedWord> older = new HashMap<>(2 * GENERATION);

  static MaskCache forThisThread() {
    return PER_THREAD.get();
  }

  /** {@link TokenMasker#maskWord}, remembered. */
  MaskedWord mask(String word, boolean sentenceMayEnd) {
    if (word.endsWith(".")) {
      // the only words whose mask depends on the next word; rare enough to mask each time
      return TokenMasker.maskWord(word, sentenceMayEnd);
    }
    MaskedWord masked = recent.get(word);
    if (masked == null) {
      masked = older.get(word);
      if (masked == null) {
        masked = TokenMasker.maskWord(word, true);
      }
      if (recent.size() >= GENERATION) {
        HashMap<String, MaskedWord> dropped = older;
        older = recent;
        recent = dropped;
        recent.clear();
      }
      recent.put(word, masked);
    }
    return masked;
  }
}
