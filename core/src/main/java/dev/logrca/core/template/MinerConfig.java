package dev.logrca.core.template;

/**
 * Every knob of a {@link TemplateMiner}. Immutable and validated on construction; {@link
 * #defaults()} gives the values measured on the Loghub-2k benchmark with one setting for all
 * systems.
 *
 * @param similarityThreshold share of a template's tokens a message must match to join it, counting
 *     only tokens that tell statements apart: not a masked value meeting a wildcard, nor a routing
 *     header word such as {@code TraceID:} or {@code Logger#<*>} (default 0.92: masking already
 *     removes most variables, so what is left to differ is usually another event; short templates
 *     generalise through {@code variableAfterDistinctValues})
 * @param treeDepth depth of the prefix tree counting the root and the token-count level, as in
 *     Drain (default 4, so the first two tokens route a message)
 * @param maxChildren children per tree node before further tokens route to the wildcard child
 *     (default 100)
 * @param maxTemplates templates kept per miner; the least recently used is evicted beyond it
 *     (default 5,000)
 * @param maxSpanTokens most whitespace-separated words one quoted string or bracketed list may span
 *     and still count as one token (default 32)
 * @param maskVariables whether obvious variables (numbers, addresses, paths...) are masked before
 *     the tree search (default true)
 * @param variableAfterDistinctValues distinct words seen at one position of otherwise identical
 *     templates that make that position a variable (default 3)
 */
public record MinerConfig(
    double similarityThreshold,
    int treeDepth,
    int maxChildren,
    int maxTemplates,
    int maxSpanTokens,
    boolean maskVariables,
    int variableAfterDistinctValues) {

  public MinerConfig {
    if (!(similarityThreshold > 0.0 && similarityThreshold <= 1.0)) {
      throw new IllegalArgumentException(
          "similarityThreshold must be in (0, 1], was " + similarityThreshold);
    }
    if (treeDepth < 3) {
      throw new IllegalArgumentException("treeDepth must be at least 3, was " + treeDepth);
    }
    if (maxChildren < 2) {
      throw new IllegalArgumentException("maxChildren must be at least 2, was " + maxChildren);
    }
    if (maxTemplates < 1) {
      throw new IllegalArgumentException("maxTemplates must be at least 1, was " + maxTemplates);
    }
    if (maxSpanTokens < 1) {
      throw new IllegalArgumentException("maxSpanTokens must be at least 1, was " + maxSpanTokens);
    }
    if (variableAfterDistinctValues < 2) {
      throw new IllegalArgumentException(
          "variableAfterDistinctValues must be at least 2, was " + variableAfterDistinctValues);
    }
  }

  /** The defaults, measured on Loghub-2k (see {@code LoghubSweep} in the tests). */
  public static MinerConfig defaults() {
    return new MinerConfig(0.92, 4, 100, 5_000, 32, true, 3);
  }

  /** This configuration with another similarity threshold. */
  public MinerConfig withSimilarityThreshold(double threshold) {
    return new MinerConfig(
        threshold,
        treeDepth,
        maxChildren,
        maxTemplates,
        maxSpanTokens,
        maskVariables,
        variableAfterDistinctValues);
  }

  /** This configuration with another tree depth. */
  public MinerConfig withTreeDepth(int depth) {
    return new MinerConfig(
        similarityThreshold,
        depth,
        maxChildren,
        maxTemplates,
        maxSpanTokens,
        maskVariables,
        variableAfterDistinctValues);
  }

  /** This configuration with another cap on templates. */
  public MinerConfig withMaxTemplates(int max) {
    return new MinerConfig(
        similarityThreshold,
        treeDepth,
        maxChildren,
        max,
        maxSpanTokens,
        maskVariables,
        variableAfterDistinctValues);
  }

  /** This configuration with another count of distinct values that makes a variable. */
  public MinerConfig withVariableAfterDistinctValues(int count) {
    return new MinerConfig(
        similarityThreshold,
        treeDepth,
        maxChildren,
        maxTemplates,
        maxSpanTokens,
        maskVariables,
        count);
  }
}
