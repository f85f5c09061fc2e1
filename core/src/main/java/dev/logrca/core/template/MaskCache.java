package dev.logrca.core.template;

import java.util.HashMap;

/**
 * Remembers the masked form of the words one thread has seen lately, since most words of a log
 * recur (the constant text, hosts, users, small numbers) and masking costs several scans of the
 * word where a lookup costs one. Masking is a pure function of the word, so a thread's miners share
 * one cache; it is bounded, and starts afresh when full, so that unique values (ids, timestamps)
 * cannot make it grow without end.
 */
final class MaskCache {
  /** About a megabyte of words per thread at most, whatever the number of miners. */
  static final int CAPACITY = 8192;

  private static final ThreadLocal<MaskCache> PER_THREAD = ThreadLocal.withInitial(MaskCache::new);

  private final HashMap<String, MaskedWord> masks = new HashMap<>(2 * CAPACITY);

  static MaskCache forThisThread() {
    return PER_THREAD.get();
  }

  /** {@link TokenMasker#maskWord}, remembered. */
  MaskedWord mask(String word, boolean sentenceMayEnd) {
    if (word.endsWith(".")) {
      // the only words whose mask depends on the next word; rare enough to mask each time
      return TokenMasker.maskWord(word, sentenceMayEnd);
    }
    MaskedWord masked = masks.get(word);
    if (masked == null) {
      masked = TokenMasker.maskWord(word, true);
      if (masks.size() >= CAPACITY) {
        masks.clear();
      }
      masks.put(word, masked);
    }
    return masked;
  }
}
