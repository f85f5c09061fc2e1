package dev.logrca.flink.mine;

import static dev.logrca.flink.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.index.TemplateEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class TemplateMiningFunctionTest {

  private static List<LogRecord> lines() {
    List<LogRecord> lines = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String service = i % 3 == 0 ? "db" : "api";
      String message =
          switch (i % 4) {
            case 0 -> "GET /orders/" + (1000 + i) + " took " + (5 + i) + " ms";
            case 1 -> "user " + (40 + i) + " logged in from 10.0.0." + i;
            case 2 -> "cache miss for key order:" + i;
            default -> "connection to postgres:5432 refused after " + i + " retries";
          };
      lines.add(record(service, i + 1, 1_000L * i, Level.INFO, message));
    }
    return lines;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogEvent> harness()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
        new TemplateMiningFunction(), LogRecord::service, Types.STRING);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogEvent>
      unopenedHarness() throws Exception {
    return new KeyedOneInputStreamOperatorTestHarness<>(
        new KeyedProcessOperator<>(new TemplateMiningFunction()), LogRecord::service, Types.STRING);
  }

  private static List<LogEvent> output(
      KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogEvent> h) {
    return new ArrayList<>(h.extractOutputValues());
  }

  @Test
  void givesEveryLineATemplateWithAServiceScopedId() throws Exception {
    try (var h = harness()) {
      for (LogRecord r : lines()) {
        h.processElement(r, r.timestamp());
      }
      List<LogEvent> events = output(h);
      assertThat(events).hasSize(60);
      assertThat(events).allSatisfy(e -> assertThat(e.templateId()).startsWith(e.service() + ":"));
      // the four message shapes give four templates per service, not one per line
      assertThat(
              events.stream()
                  .filter(e -> e.service().equals("api"))
                  .map(LogEvent::templateId)
                  .distinct()
                  .count())
          .isBetween(3L, 4L);
      assertThat(events.get(0).newTemplate()).isTrue();
    }
  }

  @Test
  void aMinerRestoredFromACheckpointMinesExactlyLikeAnUninterruptedOne() throws Exception {
    List<LogRecord> lines = lines();
    List<LogEvent> uninterrupted;
    try (var h = harness()) {
      for (LogRecord r : lines) {
        h.processElement(r, r.timestamp());
      }
      uninterrupted = output(h);
    }

    OperatorSubtaskState snapshot;
    List<LogEvent> resumed;
    try (var h = harness()) {
      for (LogRecord r : lines.subList(0, 25)) {
        h.processElement(r, r.timestamp());
      }
      resumed = output(h);
      snapshot = h.snapshot(1, 25_000);
    }
    try (var h = unopenedHarness()) {
      h.initializeState(snapshot);
      h.open();
      for (LogRecord r : lines.subList(25, lines.size())) {
        h.processElement(r, r.timestamp());
      }
      resumed.addAll(output(h));
    }

    assertThat(resumed).isEqualTo(uninterrupted);
  }

  @Test
  void aMergeOfTwoTemplatesGoesOutAsTheSurvivorsEntry() throws Exception {
    try (var h = harness()) {
      List<String> messages =
          List.of(
              "worker pool alpha joined",
              "worker pool beta joined",
              "worker pool alpha joined",
              "worker pool gamma joined");
      for (int i = 0; i < messages.size(); i++) {
        LogRecord r = record("batch", i + 1, 1_000L * i, Level.INFO, messages.get(i));
        h.processElement(r, r.timestamp());
      }
      List<TemplateEntry> entries =
          h.getSideOutput(TemplateMiningFunction.TEMPLATES).stream()
              .map(StreamRecord::getValue)
              .toList();

      // two births, nothing for the repeated line, then the merge
      assertThat(entries)
          .containsExactly(
              new TemplateEntry("batch", "batch:1", "worker pool alpha joined", List.of(), 0L),
              new TemplateEntry("batch", "batch:2", "worker pool beta joined", List.of(), 1_000L),
              new TemplateEntry(
                  "batch", "batch:1", "worker pool <*> joined", List.of("batch:2"), 3_000L));
      assertThat(output(h)).extracting(LogEvent::templateId).last().isEqualTo("batch:1");
    }
  }
}
