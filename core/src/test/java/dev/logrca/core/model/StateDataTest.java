package dev.logrca.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strings in the state formats: null, long and repeated ones, shared after their first time. */
class StateDataTest {
  private static final List<String> STRINGS =
      List.of("payment", "payment", "", "x".repeat(70_000), "payment", "é ✓", "", "postgres");

  @Test
  void aStateOutputWritesARepeatedStringOnceAndReadsEveryStringBack() throws IOException {
    ByteArrayOutputStream shared = new ByteArrayOutputStream();
    try (StateOutput out = new StateOutput(shared)) {
      for (String s : STRINGS) {
        StateData.writeString(s, out);
      }
      StateData.writeString(null, out);
    }
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(plain)) {
      for (String s : STRINGS) {
        StateData.writeString(s, out);
      }
    }
    // the two later "payment"s are 4 bytes instead of 11, the second "" 4 as before
    assertThat(shared.size()).isEqualTo(plain.size() + 4 - 2 * 7);

    List<String> back = new ArrayList<>();
    try (StateInput in = new StateInput(new ByteArrayInputStream(shared.toByteArray()))) {
      for (int i = 0; i < STRINGS.size(); i++) {
        back.add(StateData.readString(in));
      }
      assertThat(StateData.readString(in)).isNull();
    }
    assertThat(back).containsExactlyElementsOf(STRINGS);
  }

  @Test
  void aReferenceToAStringNotYetReadIsCorrupt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(-2); // the first string, before any was written
    }
    try (StateInput in = new StateInput(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThatThrownBy(() -> StateData.readString(in)).hasMessageContaining("corrupt");
    }
  }
}
