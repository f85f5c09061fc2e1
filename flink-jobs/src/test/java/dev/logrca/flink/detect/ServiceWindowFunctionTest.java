package dev.logrca.flink.detect;

import static dev.logrca.flink.TestRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.logrca.core.detect.ServiceWindow;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ServiceWindowFunctionTest {
  private static final long WINDOW = 10_000;

  private static KeyedOneInputStreamOperatorTestHarness<String, LogEvent, ServiceWindow> harness(
      int maxSilent) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new ServiceWindowFunction(WINDOW, maxSilent), LogEvent::service, Types.STRING);
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, LogEvent, ServiceWindow> h, LogEvent e)
      throws Exception {
    h.processElement(e, e.timestamp());
  }

  @Test
  void countsEventsPerWindowWhenTheWatermarkPassesTheWindow() throws Exception {
    try (var h = harness(3)) {
      send(h, event("db", 1, 1_000, Level.INFO, "a"));
      send(h, event("db", 2, 2_000, Level.ERROR, "b"));
      send(h, event("db", 3, 12_000, Level.WARN, "c"));
      h.processWatermark(9_999);

      List<ServiceWindow> first = h.extractOutputValues();
      assertThat(first).hasSize(1);
      assertThat(first.get(0).start()).isZero();
      assertThat(first.get(0).total()).isEqualTo(2);
      assertThat(first.get(0).errors()).isEqualTo(1);

      h.processWatermark(19_999);
      assertThat(h.extractOutputValues()).hasSize(2);
      assertThat(h.extractOutputValues().get(1).warnings()).isEqualTo(1);
    }
  }

  @Test
  void aServiceThatFallsSilentReportsEmptyWindowsForAWhile() throws Exception {
    try (var h = harness(3)) {
      send(h, event("db", 1, 1_000, Level.INFO, "last words"));
      // another service keeps the watermark moving for a minute
      h.processWatermark(60_000);

      List<ServiceWindow> windows = h.extractOutputValues();
      assertThat(windows)
          .extracting(ServiceWindow::start)
          .containsExactly(0L, 10_000L, 20_000L, 30_000L);
      assertThat(windows.subList(1, 4)).allSatisfy(w -> assertThat(w.total()).isZero());
    }
  }

  @Test
  void theEndOfTheInputIsNotSilence() throws Exception {
    try (var h = harness(3)) {
      send(h, event("db", 1, 1_000, Level.INFO, "a"));
      h.processWatermark(Long.MAX_VALUE);
      assertThat(h.extractOutputValues()).extracting(ServiceWindow::start).containsExactly(0L);
    }
  }

  @Test
  void theLastWindowEndsWhereTheInputEnds() throws Exception {
    try (var h = harness(3)) {
      send(h, event("db", 1, 1_000, Level.INFO, "a"));
      send(h, event("db", 2, 12_000, Level.INFO, "b"));
      send(h, event("web", 3, 20_500, Level.INFO, "c"));
      send(h, event("db", 4, 20_000, Level.INFO, "d"));
      h.processWatermark(Long.MAX_VALUE);

      List<ServiceWindow> windows = h.extractOutputValues();
      assertThat(windows)
          .extracting(ServiceWindow::service, ServiceWindow::start, ServiceWindow::end)
          .containsExactlyInAnyOrder(
              tuple("db", 0L, 10_000L),
              tuple("db", 10_000L, 20_000L),
              // the input's last line was at 20.5 s: both services' last windows stop there
              tuple("db", 20_000L, 20_501L),
              tuple("web", 20_000L, 20_501L));
    }
  }

  @Test
  void aRestoreAfterTheLastLineStillEndsTheLastWindowsWhereTheInputEnds() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var h = harness(3)) {
      send(h, event("db", 1, 1_000, Level.INFO, "a"));
      send(h, event("web", 2, 20_500, Level.INFO, "b"));
      h.processWatermark(9_999);
      checkpoint = h.snapshot(1, 1);
    }
    try (var restored = unopened()) {
      restored.initializeState(checkpoint);
      restored.open();
      restored.processWatermark(Long.MAX_VALUE);

      assertThat(restored.extractOutputValues())
          .extracting(ServiceWindow::service, ServiceWindow::start, ServiceWindow::end)
          .as("the windows not reported before the checkpoint")
          .containsExactly(tuple("web", 20_000L, 20_501L));
    }
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, LogEvent, ServiceWindow> unopened()
      throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new ServiceWindowFunction(WINDOW, 3)),
        LogEvent::service,
        Types.STRING);
  }

  @Test
  void lateEventsAreNotCountedInWindowsAlreadyReported() throws Exception {
    try (var h = harness(3)) {
      send(h, event("db", 1, 15_000, Level.INFO, "a"));
      h.processWatermark(19_999);
      send(h, event("db", 2, 3_000, Level.ERROR, "late"));
      h.processWatermark(29_999);
      assertThat(h.extractOutputValues()).extracting(ServiceWindow::errors).containsOnly(0L);
    }
  }
}
