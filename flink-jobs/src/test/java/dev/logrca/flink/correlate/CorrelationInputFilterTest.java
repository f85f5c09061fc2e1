package dev.logrca.flink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class CorrelationInputFilterTest {
  private long line;

  private LogEvent event(long timestamp, Level level, String template, String trace, String msg) {
    line++;
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf("api.log", line),
            "api.log",
            line,
            timestamp,
            false,
            "api",
            "api-1",
            level,
            null,
            trace,
            msg,
            msg,
            Map.of(),
            null);
    return new LogEvent(record, "api:" + template, msg, List.of(), false);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, LogEvent, ClassifiedEvent> harness(
      boolean infer) throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new CorrelationInputFilter(infer), LogEvent::service, Types.STRING);
  }

  private static List<String> passed(
      KeyedOneInputStreamOperatorTestHarness<String, LogEvent, ClassifiedEvent> h) {
    return h.extractOutputValues().stream().map(c -> c.event().message()).toList();
  }

  @Test
  void routineLinesPassOncePerSecondAsSignsOfLife() throws Exception {
    try (var h = harness(false)) {
      h.processElement(event(1_000, Level.INFO, "1", null, "GET /a 200"), 1_000);
      h.processElement(event(1_300, Level.INFO, "1", null, "GET /b 200"), 1_300);
      h.processElement(event(2_100, Level.INFO, "1", null, "GET /c 200"), 2_100);
      assertThat(passed(h)).containsExactly("GET /a 200", "GET /c 200");
    }
  }

  @Test
  void failuresPassButAFloodOfOneTemplateIsCappedPerSecond() throws Exception {
    try (var h = harness(false)) {
      for (int i = 0; i < 20; i++) {
        h.processElement(event(5_000 + i, Level.ERROR, "9", null, "refused " + i), 5_000 + i);
      }
      h.processElement(event(5_500, Level.ERROR, "10", null, "other error"), 5_500);
      h.processElement(event(6_000, Level.ERROR, "9", null, "refused next second"), 6_000);
      assertThat(passed(h))
          .hasSize(CorrelationInputFilter.PER_TEMPLATE_PER_SECOND + 2)
          .contains("refused 0", "other error", "refused next second")
          .doesNotContain("refused 19");
    }
  }

  @Test
  void signatureLinesPassEvenAtInfoLevel() throws Exception {
    try (var h = harness(false)) {
      h.processElement(event(1_000, Level.INFO, "1", null, "warming up"), 1_000);
      h.processElement(
          event(1_200, Level.INFO, "2", null, "java.net.ConnectException: Connection refused"),
          1_200);
      assertThat(passed(h)).contains("java.net.ConnectException: Connection refused");
      // the signatures travel with the line, so the correlation does not match them again
      ClassifiedEvent refused = h.extractOutputValues().get(h.extractOutputValues().size() - 1);
      assertThat(refused.signals()).contains("refused");
    }
  }

  @Test
  void withoutATopologyFileEveryRoutineLinePasses() throws Exception {
    try (var h = harness(true)) {
      h.processElement(event(1_000, Level.INFO, "1", "t1", "a"), 1_000);
      h.processElement(event(1_100, Level.INFO, "1", "t2", "b"), 1_100);
      h.processElement(event(1_200, Level.INFO, "1", "t2", "c"), 1_200);
      h.processElement(event(1_300, Level.INFO, "1", null, "connected to redis:6379"), 1_300);
      assertThat(passed(h)).containsExactly("a", "b", "c", "connected to redis:6379");
    }
    try (var h = harness(false)) {
      h.processElement(event(1_000, Level.INFO, "1", "t1", "a"), 1_000);
      h.processElement(event(1_100, Level.INFO, "1", "t2", "b"), 1_100);
      assertThat(passed(h)).containsExactly("a");
    }
  }
}
