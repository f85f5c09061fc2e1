package dev.logrca.core.template;

import java.util.List;

/** Drain's comparison of a message with the templates of one leaf, and its generalisation. */
final class SimilarTemplates {
  private static final String BOUNDARIES = " =,;()[]{}<>'\"#|!?&*@:/";

  private SimilarTemplates() {}

  /**
   * The template most similar to the masked message, if similar enough. A position agrees when the
   * tokens are equal or the template's token covers the message's, a wildcard covering anything;
   * two different upper-case constants rule the template out. Ties go to the template with fewer
   * wildcards, the more specific.
   */
  static Cluster best(List<Cluster> candidates, String[] masked, MinerConfig config) {
    Cluster best = null;
    int bestAgree = -1;
    int bestSaid = 1;
    int bestWildcards = Integer.MAX_VALUE;
    int routed = Math.min(config.treeDepth() - 2, masked.length);
    candidates:
    for (Cluster candidate : candidates) {
      String[] tokens = candidate.tokens;
      int same = 0;
      int wildcards = 0;
      // positions that say nothing of which statement this is: a masked value meeting a wildcard
      // (any two ids agree) and the header words every line routed here shares (a logger with its
      // line, "TraceID:"), so a prefix before every message of a class cannot make two of its
      // statements similar
      int unsaid = 0;
      for (int i = 0; i < tokens.length; i++) {
        String token = tokens[i];
        if (token.equals(masked[i])) {
          same++;
          if (token.equals(TokenMasker.WILDCARD) || (i < routed && isHeader(token))) {
            unsaid++;
          }
        } else if (isConstant(token) && isConstant(masked[i])) {
          continue candidates;
        } else if (token.equals(TokenMasker.WILDCARD)) {
          wildcards++;
          same++;
        } else if (covers(token, masked[i])
            || isVariableBoth(token, masked[i])
            || BracketedWords.itemsOfOneList(token, masked[i])
            || sameButDigits(token, masked[i])
            || ClassNames.samePackage(token, masked[i]) != null) {
          same++;
        }
      }
      int agree = same - unsaid;
      int said = tokens.length - unsaid;
      if (said == 0) {
        // nothing but ids and header words, all agreeing: as close as a message can be
        agree = 1;
        said = 1;
      }
      // the higher share of agreeing words that say something, then the fewer wildcards
      long order = (long) agree * bestSaid - (long) bestAgree * said;
      if (best == null || order > 0 || (order == 0 && wildcards < bestWildcards)) {
        best = candidate;
        bestAgree = agree;
        bestSaid = said;
        bestWildcards = wildcards;
      }
    }
    if (best == null) {
      return null;
    }
    double threshold = best.shape == LogShape.PLAIN ? config.similarityThreshold() : 1.0;
    return bestAgree >= threshold * bestSaid ? best : null;
  }

  /**
   * A word that heads lines rather than tells them apart: a label ending in a colon ({@code
   * TraceID:}) or a word with a masked value ({@code OrderServiceImpl#<*>}, {@code [worker-<*>]}).
   */
  private static boolean isHeader(String token) {
    return token.endsWith(":") || token.contains(TokenMasker.WILDCARD);
  }

  /**
   * A whole-variable token and a token holding a variable ({@code 0 bytes} masked {@code <*> bytes}
   * against {@code 1190 bytes (1.16 KB)} masked {@code <*>}): one value printed two ways.
   */
  private static boolean isVariableBoth(String token, String word) {
    return (word.equals(TokenMasker.WILDCARD) && token.contains(TokenMasker.WILDCARD))
        || (token.equals(TokenMasker.WILDCARD) && word.contains(TokenMasker.WILDCARD));
  }

  /**
   * Two words alike but for their digits ({@code bglio716} and {@code bglio91}, {@code U11} and
   * {@code U01}) name two numbered instances of one kind of thing: a variable, not two events.
   */
  static boolean sameButDigits(String a, String b) {
    int i = 0;
    int j = 0;
    boolean digits = false;
    while (i < a.length() && j < b.length()) {
      boolean digitA = Character.isDigit(a.charAt(i));
      boolean digitB = Character.isDigit(b.charAt(j));
      if (digitA || digitB) {
        if (!(digitA && digitB)) {
          return false;
        }
        digits = true;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
      } else if (a.charAt(i++) != b.charAt(j++)) {
        return false;
      }
    }
    return digits && i == a.length() && j == b.length();
  }

  /**
   * Upper-case words ({@code RUNNING}, {@code SUCCEEDED}) are how programs print states and kinds;
   * two different ones mean two different events, however similar the rest.
   */
  static boolean isConstant(String token) {
    int letters = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        letters++;
      } else if (c != '_' && c != '-' && !(c >= '0' && c <= '9' && letters > 0)) {
        return false;
      }
    }
    return letters >= 2;
  }

  /** The template widened to cover the message; the same array when nothing had to change. */
  static String[] generalise(String[] tokens, String[] masked) {
    String[] result = tokens;
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (!token.equals(masked[i])
          && !token.equals(TokenMasker.WILDCARD)
          && !covers(token, masked[i])) {
        if (result == tokens) {
          result = tokens.clone();
        }
        String samePackage = ClassNames.samePackage(token, masked[i]);
        result[i] = samePackage != null ? samePackage : widen(token, masked[i]);
      }
    }
    return result;
  }

  /**
   * True when a template token with one wildcard ({@code (<*>)}, {@code uid=<*>}) matches the
   * message token: same text before and after the wildcard.
   */
  static boolean covers(String token, String word) {
    int star = token.indexOf(TokenMasker.WILDCARD);
    if (star < 0 || token.indexOf(TokenMasker.WILDCARD, star + 3) >= 0) {
      return false;
    }
    int suffix = token.length() - star - 3;
    if (word.length() < star + suffix
        || !word.regionMatches(0, token, 0, star)
        || !word.regionMatches(word.length() - suffix, token, star + 3, suffix)) {
      return false;
    }
    // the template's literal text must not stand where the message has a masked variable
    for (int p = word.indexOf(TokenMasker.WILDCARD); p >= 0; p = word.indexOf('<', p + 1)) {
      if (word.startsWith(TokenMasker.WILDCARD, p)
          && (p < star || p + 3 > word.length() - suffix)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One wildcard for what differs, keeping the punctuation-bounded prefix and suffix both share, so
   * {@code (host-7)} and {@code (other)} become {@code (<*>)} and {@code rhost=a} and {@code
   * rhost=b} become {@code rhost=<*>}.
   */
  static String widen(String a, String b) {
    int max = Math.min(a.length(), b.length());
    int prefix = 0;
    while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    while (prefix > 0 && BOUNDARIES.indexOf(a.charAt(prefix - 1)) < 0) {
      prefix--;
    }
    int suffix = 0;
    while (suffix < max - prefix
        && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
      suffix++;
    }
    while (suffix > 0 && BOUNDARIES.indexOf(a.charAt(a.length() - suffix)) < 0) {
      suffix--;
    }
    String head = a.substring(0, prefix);
    String tail = a.substring(a.length() - suffix);
    if (head.contains(TokenMasker.WILDCARD) || tail.contains(TokenMasker.WILDCARD)) {
      return TokenMasker.WILDCARD;
    }
    return head + TokenMasker.WILDCARD + tail;
  }
}
