package dev.logrca.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DetectorConfigTest {
  @Test
  void defaultsMatchTheDocumentedValues() {
    DetectorConfig c = DetectorConfig.defaults();
    assertThat(c.windowMillis()).isEqualTo(30_000);
    assertThat(c.warmupWindows()).isEqualTo(4);
    assertThat(c.baselineWindows()).isEqualTo(20);
    assertThat(c.outlierMinTraining()).isEqualTo(20);
  }

  @Test
  void builderChangesOnlyWhatItIsTold() {
    DetectorConfig c = DetectorConfig.defaults().toBuilder().windowMillis(10_000).build();
    assertThat(c.windowMillis()).isEqualTo(10_000);
    assertThat(c.toBuilder().windowMillis(30_000).build()).isEqualTo(DetectorConfig.defaults());
  }

  @Test
  void rejectsNonsense() {
    DetectorConfig.Builder b = DetectorConfig.defaults().toBuilder();
    assertThatThrownBy(() -> b.windowMillis(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("windowMillis");
    assertThatThrownBy(() -> DetectorConfig.defaults().toBuilder().outlierThreshold(0.3).build())
        .hasMessageContaining("outlierThreshold");
    assertThatThrownBy(() -> DetectorConfig.defaults().toBuilder().outlierHistory(10).build())
        .hasMessageContaining("outlierHistory");
  }
}
