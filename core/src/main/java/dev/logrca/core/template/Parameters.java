package dev.logrca.core.template;

import java.util.List;

/**
 * Reads the values of a template's {@code <*>} parts out of a message's tokens, so that putting
 * them back into the template gives the message.
 */
final class Parameters {
  private Parameters() {}

  /**
   * Appends to {@code out} the values the template tokens' wildcards take in {@code words}, and to
   * {@code sources} for each value the note of its word if the value is a whole word, or the note
   * of the value masking classified inside the word (null otherwise).
   *
   * @param notes the masking notes of the words, or null where a word has none
   * @return -1, or the position of a template token that does not cover its word
   */
  static int extract(
      String[] template,
      String[] words,
      MaskedWord[] notes,
      List<String> out,
      List<MaskedWord> sources) {
    return extract(template, words, notes, out, sources, null);
  }

  /**
   * As {@link #extract(String[], String[], MaskedWord[], List, List)}, noting in {@code offsets}
   * (unless null) where in which word each value was found.
   */
  static int extract(
      String[] template,
      String[] words,
      MaskedWord[] notes,
      List<String> out,
      List<MaskedWord> sources,
      ValueOffsets offsets) {
    if (offsets != null) {
      offsets.clear();
    }
    for (int i = 0; i < template.length; i++) {
      String pattern = template[i];
      String word = words[i];
      if (pattern.equals(word)) {
        continue;
      }
      if (pattern.equals(TokenMasker.WILDCARD)) {
        out.add(word);
        sources.add(notes[i]);
        if (offsets != null) {
          offsets.add(i, 0);
        }
      } else if (!matchWithin(pattern, word, out, i, offsets)) {
        return i;
      } else if (notes[i] != null
          && notes[i].value() != null
          && out.size() == sources.size() + 1
          && pattern.equals(notes[i].mask())) {
        // the token reads as the word's mask, so its one value is the one masking classified
        sources.add(notes[i].value());
      }
      while (sources.size() < out.size()) {
        sources.add(null);
      }
    }
    return -1;
  }

  private static String[] literalPieces(String pattern) {
    List<String> pieces = new java.util.ArrayList<>(4);
    int from = 0;
    int star;
    while ((star = pattern.indexOf(TokenMasker.WILDCARD, from)) >= 0) {
      pieces.add(pattern.substring(from, star));
      from = star + TokenMasker.WILDCARD.length();
    }
    pieces.add(pattern.substring(from));
    return pieces.toArray(new String[0]);
  }

  /** Matches literal pieces left to right, each wildcard taking the shortest run that fits. */
  private static boolean matchWithin(
      String pattern, String word, List<String> out, int index, ValueOffsets offsets) {
    int star = pattern.indexOf(TokenMasker.WILDCARD);
    int tail = star + TokenMasker.WILDCARD.length();
    if (star >= 0 && pattern.indexOf(TokenMasker.WILDCARD, tail) < 0) {
      // the common case, one wildcard between a literal head and tail, without splitting
      int end = word.length() - (pattern.length() - tail);
      if (end < star
          || !word.regionMatches(0, pattern, 0, star)
          || !word.regionMatches(end, pattern, tail, pattern.length() - tail)) {
        return false;
      }
      out.add(word.substring(star, end));
      if (offsets != null) {
        offsets.add(index, star);
      }
      return true;
    }
    String[] pieces = literalPieces(pattern);
    if (!word.startsWith(pieces[0]) || !word.endsWith(pieces[pieces.length - 1])) {
      return false;
    }
    int added = 0;
    int pos = pieces[0].length();
    int limit = word.length() - pieces[pieces.length - 1].length();
    for (int p = 1; p < pieces.length; p++) {
      int next;
      if (p == pieces.length - 1) {
        next = limit;
      } else {
        next = word.indexOf(pieces[p], pos);
        if (next < 0 || next > limit) {
          return takeBack(out, added, offsets);
        }
      }
      if (next < pos) {
        return takeBack(out, added, offsets);
      }
      out.add(word.substring(pos, next));
      if (offsets != null) {
        offsets.add(index, pos);
      }
      added++;
      pos = next + pieces[p].length();
    }
    return true;
  }

  /** Forgets the {@code added} values of a match that failed after all; always false. */
  private static boolean takeBack(List<String> out, int added, ValueOffsets offsets) {
    out.subList(out.size() - added, out.size()).clear();
    if (offsets != null) {
      offsets.truncate(offsets.size() - added);
    }
    return false;
  }
}
