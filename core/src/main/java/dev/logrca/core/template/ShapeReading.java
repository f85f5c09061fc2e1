package dev.logrca.core.template;

/**
 * Builds the {@link LineShape} of a message just mined: where its tokens and parameters lie in its
 * characters, and which tokens must read exactly as its own in a message of the same skeleton.
 */
final class ShapeReading {
  private ShapeReading() {}

  /**
   * The shape of {@code message}, or null when its tokens or parameters are not its own characters
   * (a value of several words apart by more than one space).
   */
  static LineShape of(
      String message,
      LineSkeleton skeleton,
      TokenizedMessage tokens,
      String[] masked,
      Cluster cluster,
      MiningResult result,
      ValueOffsets offsets) {
    String[] words = tokens.words();
    int[] starts = starts(message, tokens);
    if (starts == null || offsets.size() != result.parameters().size()) {
      return null;
    }
    int[] verbatim = new int[2 * words.length];
    int ranges = 0;
    for (int i = 0; i < words.length; i++) {
      int from = starts[i];
      int to = from + words[i].length();
      // a template form that keeps a digit of its word has that digit in the template
      if (VariableClassifier.hasDigit(masked[i])
          || (manyWildcards(cluster.tokens[i]) && skeleton.hasRun(from, to))) {
        verbatim[ranges++] = from;
        verbatim[ranges++] = to;
      }
    }
    int[] parameters = new int[2 * offsets.size()];
    for (int v = 0; v < offsets.size(); v++) {
      String value = result.parameters().get(v);
      int from = starts[offsets.word(v)] + offsets.offset(v);
      if (!message.regionMatches(from, value, 0, value.length())) {
        return null;
      }
      parameters[2 * v] = from;
      parameters[2 * v + 1] = from + value.length();
    }
    return new LineShape(
        skeleton.copy(),
        message,
        cluster,
        result,
        java.util.Arrays.copyOf(verbatim, ranges),
        parameters);
  }

  /**
   * Where each token starts in the message, or null when one is not the message's own text there.
   * Plain tokens are apart by whitespace; structured ones follow each other.
   */
  private static int[] starts(String message, TokenizedMessage tokens) {
    String[] words = tokens.words();
    int[] starts = new int[words.length];
    boolean plain = tokens.shape() == LogShape.PLAIN;
    int pos = 0;
    for (int i = 0; i < words.length; i++) {
      while (plain && pos < message.length() && Character.isWhitespace(message.charAt(pos))) {
        pos++;
      }
      if (!message.startsWith(words[i], pos)) {
        return null;
      }
      starts[i] = pos;
      pos += words[i].length();
    }
    return starts;
  }

  /**
   * A template token of several wildcards finds its literal pieces by searching the word, which
   * could find a piece of letters inside a hex run of one message and not of another.
   */
  private static boolean manyWildcards(String token) {
    int first = token.indexOf(TokenMasker.WILDCARD);
    return first >= 0 && token.indexOf(TokenMasker.WILDCARD, first + 1) >= 0;
  }
}
