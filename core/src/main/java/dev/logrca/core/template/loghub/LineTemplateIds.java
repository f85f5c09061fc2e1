package dev.logrca.core.template.loghub;

import java.util.ArrayList;
import java.util.List;

/**
 * The template id each line got while mining, 4 bytes a line: fixed-size chunks, so growing never
 * copies what is already held (a doubling array would briefly need three times the room).
 */
final class LineTemplateIds {
  private static final int CHUNK_BITS = 16;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private final List<int[]> chunks = new ArrayList<>();
  private int size;

  void add(int id) {
    if (size == Integer.MAX_VALUE) {
      throw new IllegalStateException("more than " + Integer.MAX_VALUE + " lines");
    }
    int offset = size & (CHUNK - 1);
    if (offset == 0) {
      chunks.add(new int[CHUNK]);
    }
    chunks.get(chunks.size() - 1)[offset] = id;
    size++;
  }

  int get(int line) {
    if (line < 0 || line >= size) {
      throw new IndexOutOfBoundsException("line " + line + " of " + size);
    }
    return chunks.get(line >>> CHUNK_BITS)[line & (CHUNK - 1)];
  }

  int size() {
    return size;
  }
}
