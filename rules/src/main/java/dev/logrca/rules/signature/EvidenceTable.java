package dev.logrca.rules.signature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One table of {@link GenericEvidence}: regular expressions, each with the signature its match
 * supports, in the order they were added.
 */
final class EvidenceTable {
  private final Map<Pattern, String> patterns = new LinkedHashMap<>();

  /** Class-name and code words, matched case-sensitively: {@code ConfigException} is a type. */
  void name(String regex, String signature) {
    patterns.put(Pattern.compile(regex), signature);
  }

  /** Plain words that any software uses for a condition, matched in any case. */
  void words(String regex, String signature) {
    patterns.put(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), signature);
  }

  Map<Pattern, String> patterns() {
    return patterns;
  }
}
