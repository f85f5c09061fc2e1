package dev.logrca.core.detect;

import static dev.logrca.core.model.LogRecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Evidence;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowAccumulatorTest {
  private static LogEvent event(int line, long ts, Level level, String template, boolean born) {
    String message = template.replace("<*>", Integer.toString(line));
    LogRecord record =
        record()
            .source("payment.log")
            .line(line)
            .timestamp(ts)
            .service("payment")
            .level(level)
            .message(message)
            .build();
    return new LogEvent(record, "payment:" + template.hashCode(), template, List.of(), born);
  }

  private static List<LogEvent> events() {
    List<LogEvent> events = new ArrayList<>();
    events.add(event(1, 1_000, Level.INFO, "charged card <*>", true));
    for (int i = 2; i <= 9; i++) {
      events.add(event(i, 1_000 + i * 100, Level.ERROR, "connection to <*> refused", i == 2));
    }
    events.add(event(10, 900, Level.WARN, "charged card <*>", false));
    events.add(event(11, 2_000, Level.FATAL, "out of memory <*>", true));
    events.add(event(12, 2_100, Level.UNKNOWN, "undecoded line <*>", false));
    return events;
  }

  @Test
  void countsLevelsTemplatesAndBirths() {
    WindowAccumulator acc = new WindowAccumulator();
    events().forEach(acc::add);
    ServiceWindow w = acc.toWindow("payment", 0, 30_000);

    String charged = "payment:" + "charged card <*>".hashCode();
    String refused = "payment:" + "connection to <*> refused".hashCode();
    String oom = "payment:" + "out of memory <*>".hashCode();
    assertThat(w.total()).isEqualTo(12);
    assertThat(w.errors()).isEqualTo(9);
    assertThat(w.warnings()).isEqualTo(1);
    assertThat(w.templateCounts()).containsEntry(charged, 2L).containsEntry(refused, 8L);
    assertThat(w.templateTexts()).containsEntry(refused, "connection to <*> refused");
    assertThat(w.newTemplates()).containsExactlyInAnyOrder(charged, refused, oom);
    assertThat(w.worstLevel(charged)).isEqualTo(Level.WARN);
    assertThat(w.worstLevel(oom)).isEqualTo(Level.FATAL);
    // the first line is the earliest, not the first to arrive
    assertThat(w.firstLineByTemplate().get(charged).message()).isEqualTo("charged card 10");
    assertThat(w.errorSamples())
        .hasSize(WindowAccumulator.MAX_ERROR_SAMPLES)
        .extracting(Evidence::message)
        .containsExactly(
            "connection to 2 refused",
            "connection to 3 refused",
            "connection to 4 refused",
            "connection to 5 refused",
            "connection to 6 refused");
  }

  @Test
  void orderAndMergingDoNotChangeTheWindow() {
    WindowAccumulator inOrder = new WindowAccumulator();
    events().forEach(inOrder::add);

    List<LogEvent> shuffled = events();
    Collections.shuffle(shuffled, new Random(7));
    WindowAccumulator left = new WindowAccumulator();
    WindowAccumulator right = new WindowAccumulator();
    for (int i = 0; i < shuffled.size(); i++) {
      (i % 3 == 0 ? left : right).add(shuffled.get(i));
    }

    assertThat(right.merge(left).toWindow("payment", 0, 30_000))
        .isEqualTo(inOrder.toWindow("payment", 0, 30_000));
  }

  @Test
  void survivesJavaSerialisation() throws Exception {
    WindowAccumulator acc = new WindowAccumulator();
    events().forEach(acc::add);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(acc);
    }
    WindowAccumulator copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (WindowAccumulator) in.readObject();
    }
    assertThat(copy.toWindow("payment", 0, 1)).isEqualTo(acc.toWindow("payment", 0, 1));
  }

  @Test
  void windowCollectionsAreMutableCopies() {
    ServiceWindow w = ServiceWindow.empty("payment", 0, 1);
    w.templateCounts().put("x", 1L);
    w.errorSamples().add(new Evidence(0, "payment", "x", "m", "e"));
    assertThat(w.count("x")).isEqualTo(1);
  }
}
