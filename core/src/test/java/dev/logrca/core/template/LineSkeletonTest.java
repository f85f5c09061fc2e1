package dev.logrca.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineSkeletonTest {

  @Test
  void digitsReadAlikeButNotTheirCount() {
    assertThat(skeleton("took 12 ms at 10.0.0.7")).isEqualTo(skeleton("took 97 ms at 99.1.2.3"));
    assertThat(skeleton("took 12 ms")).isNotEqualTo(skeleton("took 123 ms"));
  }

  @Test
  void theDigitOfAHexPrefixKeepsItsValue() {
    assertThat(skeleton("flags 0x1f")).isEqualTo(skeleton("flags 0x2f"));
    assertThat(skeleton("flags 0x1f")).isNotEqualTo(skeleton("flags 1x1f"));
    assertThat(skeleton("flags 0X1f")).isNotEqualTo(skeleton("flags 1X1f"));
  }

  @Test
  void hexRunsReadAlikeByLengthAndFirstCharacter() {
    assertThat(skeleton("traceId=3ed8a2f0c1b2ab12 done"))
        .isEqualTo(skeleton("traceId=9a7d80fb4835a5e6 done"))
        .isNotEqualTo(skeleton("traceId=ed8a2f0c1b2ab123 done"))
        .isNotEqualTo(skeleton("traceId=9a7d80fb4835a5e67 done"));
  }

  @Test
  void onlyHexRunsApartWithADigitAndTwoLettersAreMarked() {
    // touching an underscore or another letter, it is part of a longer word
    assertThat(skeleton("x_3ed8a2f0c1b2ab12")).isNotEqualTo(skeleton("x_9a7d80fb4835a5e6"));
    assertThat(skeleton("g3ed8a2f0c1b2ab12")).isNotEqualTo(skeleton("g9a7d80fb4835a5e6"));
    // one letter may make a number of it: 12345e78
    assertThat(skeleton("v 12345e78")).isNotEqualTo(skeleton("v 12345a78"));
    // upper-case hex is not marked
    assertThat(skeleton("id 3ED8A2F0C1")).isNotEqualTo(skeleton("id 9A7D80FB48"));
    assertThat(skeleton("id 3ed8a2f0c1")).isEqualTo(skeleton("id 9a7d80fb48"));
  }

  @Test
  void aMessageThatCouldBeTakenForMarkersOrIsTooLongHasNone() {
    assertThat(new LineSkeleton().read("odd \u0001 character")).isFalse();
    assertThat(new LineSkeleton().read("x".repeat(LineSkeleton.MAX_LENGTH + 1))).isFalse();
    assertThat(new LineSkeleton().read("x".repeat(LineSkeleton.MAX_LENGTH))).isTrue();
  }

  private static String skeleton(String message) {
    LineSkeleton skeleton = new LineSkeleton();
    assertThat(skeleton.read(message)).isTrue();
    return new String(skeleton.copy());
  }
}
