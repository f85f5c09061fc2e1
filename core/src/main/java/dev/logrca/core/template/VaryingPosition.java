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
          || (token.equals(TokenMasker.WILDCARD) && masked[i].contains(TokenMasker.WILDCARD))) {
        continue;
      }
      if (position >= 0
          || token.contains(TokenMasker.WILDCARD)
          || masked[i].contains(TokenMasker.WILDCARD)
          || (SimilarTemplates.isConstant(token) && SimilarTemplates.isConstant(masked[i]))) {
        return -1;
      }
      position = i;
    }
    return position;
  }
}
