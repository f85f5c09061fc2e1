package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Spots a variable the similarity threshold missed: templates in one leaf that agree everywhere but
 * at one position, where several different words have been seen ({@code session closed for user
 * alice}, {@code ... bob}, {@code ... carol}). Two values may be two events ({@code stored as
 * bytes}, {@code stored as values}); many values are a variable.
 */
final class VaryingPosition {
  private VaryingPosition() {}

  /** The templates to fold into one, or an empty list when the message is something new. */
  static List<Cluster> siblings(List<Cluster> leafClusters, String[] masked, int minDistinct) {
    List<List<Cluster>> byPosition = new ArrayList<>();
    for (Cluster cluster : leafClusters) {
      int position = onlyDifference(cluster.tokens, masked);
      if (position < 0) {
        continue;
      }
      while (byPosition.size() <= position) {
        byPosition.add(null);
      }
      if (byPosition.get(position) == null) {
        byPosition.set(position, new ArrayList<>());
      }
      byPosition.get(position).add(cluster);
    }
    for (int position = 0; position < byPosition.size(); position++) {
      List<Cluster> group = byPosition.get(position);
      if (group == null) {
        continue;
      }
      Set<String> values = new HashSet<>();
      values.add(masked[position]);
      for (Cluster cluster : group) {
        values.add(cluster.tokens[position]);
      }
      if (values.size() >= minDistinct) {
        return group;
      }
    }
    return List.of();
  }

  /**
   * The one position where the template and the message disagree, both literal words and not both
   * upper-case constants; -1 when they disagree nowhere, elsewhere too, or in another way.
   */
  private static int onlyDifference(String[] tokens, String[] masked) {
    int position = -1;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (token.equals(masked[i])
          || (token.equals(TokenMasker.WILDCARD) && masked[i].contains(TokenMasker.WILDCARD))
          || BracketedWords.itemsOfOneList(token, masked[i])) {
        continue;
      }
      if (position >= 0
          || !comparable(token, masked[i])
          || (SimilarTemplates.isConstant(token) && SimilarTemplates.isConstant(masked[i]))) {
        return -1;
      }
      position = i;
    }
    return position;
  }

  /**
   * Whether two different tokens may be one position's values: two literal words, or two tokens
   * masked in part that differ in one literal stretch that is not a key ({@code
   * {"id":<*>,"name":"alice"}} and {@code ..."bob"}}, {@code alice7@<*>} and {@code bob3@<*>}):
   * masking found some of the value but not all of it. Keys that differ ({@code uid=<*>}, {@code
   * pid=<*>}) name different things.
   */
  static boolean comparable(String token, String word) {
    boolean tokenMasked = token.contains(TokenMasker.WILDCARD);
    if (tokenMasked != word.contains(TokenMasker.WILDCARD)) {
      return false;
    }
    if (!tokenMasked) {
      return true;
    }
    if (token.equals(TokenMasker.WILDCARD) || word.equals(TokenMasker.WILDCARD)) {
      return false;
    }
    int prefix = 0;
    int max = Math.min(token.length(), word.length());
    while (prefix < max && token.charAt(prefix) == word.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && token.charAt(token.length() - 1 - suffix) == word.charAt(word.length() - 1 - suffix)) {
      suffix++;
    }
    String tokenMiddle = token.substring(prefix, token.length() - suffix);
    String wordMiddle = word.substring(prefix, word.length() - suffix);
    return !tokenMiddle.contains(TokenMasker.WILDCARD)
        && !wordMiddle.contains(TokenMasker.WILDCARD)
        && !isKeyBefore(token, token.length() - suffix);
  }

  /**
   * Whether the text at {@code end} (past any closing quote) assigns a value: {@code =} or {@code
   * :}.
   */
  private static boolean isKeyBefore(String token, int end) {
    int p = end;
    while (p < token.length() && (token.charAt(p) == '"' || token.charAt(p) == '\'')) {
      p++;
    }
    return p < token.length() && (token.charAt(p) == '=' || token.charAt(p) == ':');
  }
}
