package dev.logrca.core.template.loghub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LineTemplateIdsTest {

  @Test
  void keepsEveryIdAcrossChunkBoundaries() {
    LineTemplateIds ids = new LineTemplateIds();
    int n = 3 * 65_536 + 17;
    for (int i = 0; i < n; i++) {
      ids.add(i * 7);
    }

    assertThat(ids.size()).isEqualTo(n);
    for (int i : new int[] {0, 65_535, 65_536, 131_072, n - 1}) {
      assertThat(ids.get(i)).as("line %d", i).isEqualTo(i * 7);
    }
    assertThatThrownBy(() -> ids.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
