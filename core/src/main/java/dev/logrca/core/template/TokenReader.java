package dev.logrca.core.template;

import java.util.EnumMap;
import java.util.Map;

/**
 * Reads a message as the miner compares it: cut into tokens by its shape, each token's obvious
 * variables masked. One per miner, like the tokenisers it holds.
 */
final class TokenReader {
  private final MinerConfig config;
  private final Map<LogShape, Tokenizer> tokenizers = new EnumMap<>(LogShape.class);

  /** The mask cache of the thread that last read with this reader, and that thread. */
  private MaskCache maskCache;

  private Thread maskCacheOwner;

  TokenReader(MinerConfig config) {
    this.config = config;
    tokenizers.put(LogShape.PLAIN, new PlainTokenizer(config.maxSpanTokens()));
    tokenizers.put(LogShape.JSON, new JsonTokenizer());
    tokenizers.put(LogShape.LOGFMT, new LogfmtTokenizer());
  }

  TokenizedMessage tokenize(String message) {
    LogShape shape = LogShape.guess(message);
    if (shape != LogShape.PLAIN) {
      TokenizedMessage structured = tokenizers.get(shape).tokenize(message);
      if (structured != null) {
        return structured;
      }
    }
    return tokenizers.get(LogShape.PLAIN).tokenize(message);
  }

  /** The tokens' template forms; {@code notes} gets each masked word's note, null elsewhere. */
  String[] mask(TokenizedMessage tokens, MaskedWord[] notes) {
    String[] words = tokens.words();
    String[] masked = new String[words.length];
    // a miner mostly stays on one thread: its cache without a thread-local lookup per message
    Thread thread = Thread.currentThread();
    if (thread != maskCacheOwner) {
      maskCache = MaskCache.forThisThread();
      maskCacheOwner = thread;
    }
    MaskCache cache = maskCache;
    for (int i = 0; i < words.length; i++) {
      if (tokens.isValue(i)) {
        masked[i] = TokenMasker.WILDCARD;
      } else if (config.maskVariables() && tokens.shape() == LogShape.PLAIN) {
        boolean sentenceMayEnd =
            i == words.length - 1 || Character.isUpperCase(words[i + 1].charAt(0));
        notes[i] = cache.mask(words[i], sentenceMayEnd);
        masked[i] = notes[i].mask();
      } else {
        masked[i] = words[i];
      }
    }
    return masked;
  }
}
