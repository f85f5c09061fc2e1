package dev.logrca.core.detect;

import static dev.logrca.core.detect.SyntheticService.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The detector state formats: what is read back judges the next windows exactly as the original
 * would, writes the same bytes again, and broken bytes fail with an error instead of a half-read
 * state.
 */
class DetectorStateFormatTest {
  private final SyntheticService checkout =
      new SyntheticService("checkout", 11)
          .template("request served", Level.INFO, 60)
          .template("cart loaded", Level.INFO, 25)
          .template("slow response", Level.WARN, 2)
          .template("retrying call", Level.ERROR, 0.3);

  /** Window {@code i}: the synthetic service's lines plus timed requests of {@code millis}. */
  private ServiceWindow window(int i, Map<String, Integer> extra, int millis) {
    long start = i * WINDOW;
    WindowAccumulator acc = accumulator(start, extra, millis);
    return acc.toWindow("checkout", start, start + WINDOW);
  }

  private WindowAccumulator accumulator(long start, Map<String, Integer> extra, int millis) {
    WindowAccumulator acc = new WindowAccumulator();
    checkout.events(start, extra).forEach(acc::add);
    for (int k = 0; k < 20; k++) {
      acc.add(timed(start + k * 1000, millis + k % 3));
    }
    return acc;
  }

  private static LogEvent timed(long ts, int millis) {
    String message = "GET /cart took[" + millis + "ms]";
    LogRecord record =
        new LogRecord(
            LogRecord.eventIdOf("checkout", ts),
            "checkout.log",
            ts,
            ts,
            false,
            "checkout",
            "checkout-host",
            Level.INFO,
            null,
            null,
            message,
            message,
            null,
            null);
    return new LogEvent(
        record, "checkout:timed", "GET /cart took[<*>]", List.of(millis + "ms"), false);
  }

  @Test
  void aTrainedBehaviourReadBackJudgesTheNextWindowsAsTheOriginal() throws IOException {
    ServiceBehaviour original = new ServiceBehaviour(DetectorConfig.defaults());
    for (int i = 0; i < 80; i++) {
      original.observe(window(i, Map.of(), 40));
    }
    byte[] bytes = behaviourBytes(original);
    ServiceBehaviour restored = BehaviourStateFormat.read(1, in(bytes));
    assertThat(behaviourBytes(restored)).as("written again").isEqualTo(bytes);

    List<Anomaly> fromOriginal = new ArrayList<>();
    List<Anomaly> fromRestored = new ArrayList<>();
    for (int i = 80; i < 100; i++) {
      Map<String, Integer> extra = i == 90 ? Map.of("retrying call", 40) : Map.of();
      int millis = i >= 95 ? 900 : 40; // the requests slow down for the last windows
      ServiceWindow w = window(i, extra, millis);
      fromOriginal.addAll(original.observe(w));
      fromRestored.addAll(restored.observe(w));
    }
    assertThat(fromOriginal)
        .extracting(Anomaly::kind)
        .contains(AnomalyKind.ERROR_SURGE, AnomalyKind.LATENCY_SHIFT);
    assertThat(fromRestored).isEqualTo(fromOriginal);
    assertThat(behaviourBytes(restored)).isEqualTo(behaviourBytes(original));
  }

  @Test
  void anOpenWindowReadBackCountsAsTheOriginal() throws IOException {
    WindowAccumulator original = accumulator(0, Map.of("retrying call", 8), 40);
    byte[] bytes = windowBytes(original);
    WindowAccumulator restored = WindowStateFormat.read(1, in(bytes));
    assertThat(windowBytes(restored)).isEqualTo(bytes);
    ServiceWindow expected = original.toWindow("checkout", 0, WINDOW);
    assertThat(expected.durations()).isNotEmpty();
    assertThat(expected.errorSamples()).isNotEmpty();
    assertThat(restored.toWindow("checkout", 0, WINDOW))
        .usingRecursiveComparison()
        .isEqualTo(expected);
    // both keep counting the same way
    original.add(timed(5, 41));
    restored.add(timed(5, 41));
    assertThat(windowBytes(restored)).isEqualTo(windowBytes(original));
  }

  @Test
  void cutOrUnknownStateIsRefused() throws IOException {
    ServiceBehaviour b = new ServiceBehaviour(DetectorConfig.defaults());
    for (int i = 0; i < 10; i++) {
      b.observe(window(i, Map.of(), 40));
    }
    byte[] bytes = behaviourBytes(b);
    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> BehaviourStateFormat.read(1, in(cut))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> BehaviourStateFormat.read(2, in(bytes)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("format 2");
    byte[] window = windowBytes(accumulator(0, Map.of(), 40));
    window[24] = (byte) 0xff; // the template count's size becomes negative
    assertThatThrownBy(() -> WindowStateFormat.read(1, in(window)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("corrupt");
  }

  private static byte[] behaviourBytes(ServiceBehaviour b) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BehaviourStateFormat.write(b, new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static byte[] windowBytes(WindowAccumulator acc) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WindowStateFormat.write(acc, new DataOutputStream(bytes));
    return bytes.toByteArray();
  }

  private static DataInputStream in(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }
}
