package dev.logrca.rules.signature;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Finds, in one pass over a text, which of many ASCII literals it contains, ignoring the case of
 * ASCII letters (an Aho-Corasick automaton over lower-cased literals, its transitions resolved into
 * one table). Each literal carries a mark; a scan reports the marks of the literals found. A
 * character outside ASCII matches no literal, so it sends the scan back to its start.
 */
final class LiteralScanner {
  private static final int ALPHABET = 128;

  /** next[state * ALPHABET + c]: the state after reading lower-case ASCII c. */
  private final int[] next;

  /** The marks of every literal that ends in each state, suffixes included; null for none. */
  private final int[][] marks;

  /**
   * @param literals the literals (ASCII, lower case)
   * @param literalMarks the mark of each literal, same order
   */
  LiteralScanner(List<String> literals, int[] literalMarks) {
    List<int[]> gotos = new ArrayList<>();
    List<int[]> ends = new ArrayList<>();
    gotos.add(newRow());
    ends.add(null);
    for (int i = 0; i < literals.size(); i++) {
      int state = 0;
      for (char c : literals.get(i).toCharArray()) {
        if (c >= ALPHABET) {
          throw new IllegalArgumentException("not an ASCII literal: " + literals.get(i));
        }
        if (gotos.get(state)[c] < 0) {
          gotos.get(state)[c] = gotos.size();
          gotos.add(newRow());
          ends.add(null);
        }
        state = gotos.get(state)[c];
      }
      ends.set(state, append(ends.get(state), literalMarks[i]));
    }
    this.next = new int[gotos.size() * ALPHABET];
    this.marks = ends.toArray(new int[0][]);
    resolve(gotos);
  }

  /** Breadth first: each state's missing transitions are those of its longest proper suffix. */
  private void resolve(List<int[]> gotos) {
    int[] fail = new int[gotos.size()];
    Queue<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int child = gotos.get(0)[c];
      next[c] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.remove();
      marks[state] = merge(marks[state], marks[fail[state]]);
      for (int c = 0; c < ALPHABET; c++) {
        int child = gotos.get(state)[c];
        if (child > 0) {
          fail[child] = next[fail[state] * ALPHABET + c];
          next[state * ALPHABET + c] = child;
          queue.add(child);
        } else {
          next[state * ALPHABET + c] = next[fail[state] * ALPHABET + c];
        }
      }
    }
  }

  /** Sets bit {@code mark} of {@code found} for every literal {@code text} contains. */
  void scan(CharSequence text, long[] found) {
    int state = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= ALPHABET) {
        state = 0;
        continue;
      }
      state = next[state * ALPHABET + RequiredLiterals.fold(c)];
      int[] ended = marks[state];
      if (ended != null) {
        for (int mark : ended) {
          found[mark >>> 6] |= 1L << mark;
        }
      }
    }
  }

  private static int[] newRow() {
    int[] row = new int[ALPHABET];
    Arrays.fill(row, -1);
    return row;
  }

  private static int[] append(int[] marks, int mark) {
    return merge(marks, new int[] {mark});
  }

  private static int[] merge(int[] a, int[] b) {
    if (b == null) {
      return a;
    }
    if (a == null) {
      return b;
    }
    return Arrays.stream(new int[][] {a, b}).flatMapToInt(Arrays::stream).distinct().toArray();
  }
}
