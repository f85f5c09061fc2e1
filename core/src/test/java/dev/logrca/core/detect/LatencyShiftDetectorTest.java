package dev.logrca.core.detect;

import static dev.logrca.core.model.LogRecordBuilder.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class LatencyShiftDetectorTest {
  private static final long WINDOW = 30_000;
  private static final String TEMPLATE = "duration: <*> ms  execute <unnamed>: SELECT 1";
  private static final String ID = "postgres:1";

  private final DetectorConfig config = new DetectorConfig.Builder().build();
  private final Random random = new Random(11);
  private long line;

  /** A window of {@code n} statements, each lasting what {@code millis} says. */
  private ServiceWindow window(int index, int n, DoubleSupplier millis) {
    long start = index * WINDOW;
    WindowAccumulator acc = new WindowAccumulator();
    for (int i = 0; i < n; i++) {
      long ts = start + i * (WINDOW / n);
      acc.add(statement(ts, millis.getAsDouble()));
    }
    return acc.toWindow("postgres", start, start + WINDOW);
  }

  private LogEvent statement(long ts, double millis) {
    line++;
    String value = String.format(Locale.ROOT, "%.3f", millis);
    String message = TEMPLATE.replace("<*>", value);
    LogRecord record =
        record()
            .source("postgres.log")
            .line(line)
            .timestamp(ts)
            .service("postgres")
            .level(Level.INFO)
            .message(message)
            .build();
    return new LogEvent(record, ID, TEMPLATE, List.of(value), false);
  }

  /** Usual statements: 1 to 4 ms. */
  private double usual() {
    return 1 + 3 * random.nextDouble();
  }

  private List<Anomaly> run(LatencyShiftDetector d, int from, int to, DoubleSupplier millis) {
    List<Anomaly> found = new ArrayList<>();
    for (int w = from; w < to; w++) {
      found.addAll(d.observe(window(w, 20, millis), true));
    }
    return found;
  }

  @Test
  void statementsAHundredTimesSlowerAreAShiftCitingTheFirstSlowLine() {
    LatencyShiftDetector d = new LatencyShiftDetector(config);
    assertThat(run(d, 0, 20, this::usual)).isEmpty();

    // the last third of the window turns slow, as when a fault begins inside it
    int[] i = {0};
    ServiceWindow w = window(20, 30, () -> i[0]++ < 20 ? usual() : 200 + 100 * random.nextDouble());
    List<Anomaly> found = d.observe(w, true);

    assertThat(found).hasSize(1);
    Anomaly a = found.get(0);
    assertThat(a.kind()).isEqualTo(AnomalyKind.LATENCY_SHIFT);
    assertThat(a.templateId()).isEqualTo(ID);
    assertThat(a.expected()).isBetween(1.5, 3.5);
    assertThat(a.observed()).isBetween(180.0, 330.0);
    assertThat(a.score()).isBetween(0.8, LatencyShiftDetector.MAX_SCORE);
    // the 21st statement is the first slow one
    assertThat(a.evidence()).hasSize(1);
    assertThat(a.evidence().get(0).timestamp()).isEqualTo(20 * WINDOW + 20 * (WINDOW / 30));
  }

  @Test
  void aFewSlowLinesAreNoShift() {
    LatencyShiftDetector d = new LatencyShiftDetector(config);
    run(d, 0, 20, this::usual);
    int[] i = {0};
    // three slow statements (under MIN_SLOW) in a window of twenty
    assertThat(d.observe(window(20, 20, () -> i[0]++ < 3 ? 500 : usual()), true)).isEmpty();
    // four slow out of forty: under a fifth of the window
    int[] j = {0};
    assertThat(d.observe(window(21, 40, () -> j[0]++ < 4 ? 500 : usual()), true)).isEmpty();
  }

  @Test
  void aTemplateWithALongTailHasItInItsBaseline() {
    LatencyShiftDetector d = new LatencyShiftDetector(config);
    // a cache: 3 ms usually, 15% of lookups miss and take 100 ms
    DoubleSupplier cache = () -> random.nextDouble() < 0.15 ? 90 + 20 * random.nextDouble() : 3;
    assertThat(run(d, 0, 20, cache)).isEmpty();
    // a window with a third of misses: more of the tail, but no slower than the tail ever was
    int[] i = {0};
    assertThat(d.observe(window(20, 30, () -> i[0]++ % 3 == 0 ? 100 : 3), true)).isEmpty();
    // the misses themselves turn slow: 3 s
    int[] j = {0};
    assertThat(d.observe(window(21, 30, () -> j[0]++ % 3 == 0 ? 3_000 : 3), true)).hasSize(1);
  }

  @Test
  void smallRisesAndUnjudgedOrYoungTemplatesAreNoShift() {
    LatencyShiftDetector d = new LatencyShiftDetector(config);
    run(d, 0, 20, this::usual);
    // 2 ms to 12 ms is six times slower, but under MIN_RISE_MILLIS longer
    assertThat(d.observe(window(20, 20, () -> 12), true)).isEmpty();

    LatencyShiftDetector young = new LatencyShiftDetector(config);
    run(young, 0, LatencyShiftDetector.MIN_HISTORY - 1, this::usual);
    assertThat(young.observe(window(10, 20, () -> 500), true)).isEmpty();

    LatencyShiftDetector warming = new LatencyShiftDetector(config);
    run(warming, 0, 20, this::usual);
    assertThat(warming.observe(window(20, 20, () -> 500), false)).isEmpty();
  }

  @Test
  void aLastingShiftBecomesTheNewUsual() {
    LatencyShiftDetector d = new LatencyShiftDetector(config);
    run(d, 0, 20, this::usual);
    List<Anomaly> slow = run(d, 20, 40, () -> 200 + 100 * random.nextDouble());
    // flagged while the old durations still make up most of the baseline, then no more
    assertThat(slow).isNotEmpty();
    assertThat(slow.size()).isLessThanOrEqualTo(config.baselineWindows() / 2 + 1);
    assertThat(run(d, 40, 45, () -> 200 + 100 * random.nextDouble())).isEmpty();
  }

  @Test
  void theWholeServiceBehaviourReportsTheShift() {
    ServiceBehaviour behaviour = new ServiceBehaviour(config);
    for (int w = 0; w < 20; w++) {
      assertThat(behaviour.observe(window(w, 20, this::usual))).isEmpty();
    }
    List<Anomaly> found = behaviour.observe(window(20, 20, () -> 250));
    assertThat(found).extracting(Anomaly::kind).contains(AnomalyKind.LATENCY_SHIFT);
  }
}
