package dev.logrca.flink.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.IncidentStatus;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.flink.TestRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The correlation operator: time order from the watermark, incidents out, restore from state. */
class CorrelationFunctionTest {
  static final long T0 = 1_795_773_600_000L; // 2026-11-27T10:00:00Z
  static final Topology TOPOLOGY =
      new Topology().addCall("checkout", "payment").addCall("payment", "postgres");

  static LogEvent line(String service, long line, long at, Level level, String msg) {
    return new LogEvent(
        TestRecords.record(service, line, at, level, msg),
        service + ":" + (msg.length() % 7),
        msg,
        List.of(),
        false);
  }

  /** A healthy minute, then postgres shuts down and its callers are refused. */
  static List<LogEvent> story() {
    List<LogEvent> events = new ArrayList<>();
    long n = 0;
    for (int s = 0; s < 60; s++) {
      events.add(line("checkout", ++n, T0 + s * 1000, Level.INFO, "order placed"));
      events.add(line("payment", ++n, T0 + s * 1000 + 10, Level.INFO, "charge ok"));
      events.add(line("postgres", ++n, T0 + s * 1000 + 20, Level.INFO, "checkpoint complete"));
    }
    long down = T0 + 60_000;
    events.add(line("postgres", ++n, down, Level.INFO, "received fast shutdown request"));
    events.add(
        line("postgres", ++n, down + 100, Level.FATAL, "the database system is shutting down"));
    for (int s = 1; s <= 30; s++) {
      events.add(
          line(
              "payment",
              ++n,
              down + s * 1000,
              Level.ERROR,
              "dial tcp postgres:5432: connect: connection refused"));
      events.add(line("checkout", ++n, down + s * 1000 + 5, Level.ERROR, "payment call failed"));
    }
    return events;
  }

  private static KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident>
      harness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new CorrelationFunction(new RuleSource(null), TOPOLOGY)),
        e -> "default",
        a -> "default",
        Types.STRING);
  }

  private static void feed(
      KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident> h,
      List<LogEvent> events)
      throws Exception {
    for (LogEvent e : events) {
      h.processElement1(ClassifiedEvent.of(e), e.timestamp());
      h.processBothWatermarks(new Watermark(e.timestamp() - 5_000));
    }
  }

  static Map<String, String> finalStates(List<Incident> updates) {
    Map<String, String> latest = new LinkedHashMap<>();
    updates.forEach(i -> latest.put(i.id(), IncidentJson.write(i)));
    return latest;
  }

  @Test
  void aDatastoreThatShutsDownIsTheTopRootCauseOfItsCallersErrors() throws Exception {
    try (var h = harness()) {
      h.open();
      feed(h, story());
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

      List<Incident> incidents = h.extractOutputValues();
      assertThat(incidents).isNotEmpty();
      Incident last = incidents.get(incidents.size() - 1);
      assertThat(last.rootCauses().get(0).service()).isEqualTo("postgres");
      assertThat(last.rootCauses().get(0).category()).isEqualTo("dependency.down");
      assertThat(last.rootCauses().get(0).evidence()).isNotEmpty();
    }
  }

  @Test
  void anIncidentQuietForTheQuietPeriodIsEmittedOnceMoreAsResolved() throws Exception {
    List<LogEvent> events = story();
    long n = 10_000;
    long recovered = T0 + 91_000;
    // twelve healthy minutes after the last refused call: the quiet period (10 min) elapses
    for (long at = recovered; at <= recovered + 720_000; at += 10_000) {
      events.add(line("payment", ++n, at, Level.INFO, "charge ok"));
    }
    try (var h = harness()) {
      h.open();
      feed(h, events);
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));

      List<Incident> updates = h.extractOutputValues();
      assertThat(updates).extracting(Incident::id).containsOnly(updates.get(0).id());
      assertThat(updates.subList(0, updates.size() - 1)).allMatch(Incident::isOpen);
      Incident last = updates.get(updates.size() - 1);
      assertThat(last.status()).isEqualTo(IncidentStatus.RESOLVED);
      assertThat(last.resolvedAt()).isEqualTo(last.end() + 600_000);
      assertThat(last.rootCauses().get(0).service()).isEqualTo("postgres");
    }
  }

  @Test
  void aRestoredOperatorReportsTheSameIncidentsAsAnUninterruptedOne() throws Exception {
    List<LogEvent> story = story();
    Map<String, String> uninterrupted;
    try (var h = harness()) {
      h.open();
      feed(h, story);
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      uninterrupted = finalStates(h.extractOutputValues());
    }

    int cut = story.size() - 40; // in the middle of the outage
    List<Incident> resumed = new ArrayList<>();
    OperatorSubtaskState snapshot;
    try (var h = harness()) {
      h.open();
      feed(h, story.subList(0, cut));
      resumed.addAll(h.extractOutputValues());
      snapshot = h.snapshot(1, story.get(cut).timestamp());
    }
    try (var h = harness()) {
      h.initializeState(snapshot);
      h.open();
      feed(h, story.subList(cut, story.size()));
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      resumed.addAll(h.extractOutputValues());
    }

    assertThat(uninterrupted).isNotEmpty();
    assertThat(finalStates(resumed)).isEqualTo(uninterrupted);
  }
}
