package dev.logrca.core.template;

import java.util.Arrays;

/**
 * Where each parameter {@link Parameters#extract} read was found: the index of its word and the
 * offset of its first character in that word. Reused from one message to the next.
 */
final class ValueOffsets {
  private int[] words = new int[8];
  private int[] offsets = new int[8];
  private int size;

  void clear() {
    size = 0;
  }

  void add(int word, int offset) {
    if (size == words.length) {
      words = Arrays.copyOf(words, 2 * size);
      offsets = Arrays.copyOf(offsets, 2 * size);
    }
    words[size] = word;
    offsets[size] = offset;
    size++;
  }

  /** Forgets the values from {@code newSize} on, as a failed match takes its values back. */
  void truncate(int newSize) {
    size = newSize;
  }

  int size() {
    return size;
  }

  int word(int value) {
    return words[value];
  }

  int offset(int value) {
    return offsets[value];
  }
}
