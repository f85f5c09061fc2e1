package dev.logrca.flink.correlate;

import static dev.logrca.flink.correlate.CorrelationFunctionTest.T0;
import static dev.logrca.flink.correlate.CorrelationFunctionTest.TOPOLOGY;
import static dev.logrca.flink.correlate.CorrelationFunctionTest.story;
import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.IncidentJson;
import dev.logrca.core.model.LogEvent;
import dev.logrca.flink.state.AnomalySerializer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * How the correlation buffers its inputs until the watermark passes them: released tick by tick in
 * time order whatever the arrival order, kept across a checkpoint, and taken over from the list
 * state that releases up to 14's seventh round wrote.
 */
class CorrelationBufferTest {
  private static final long DISORDER = 5_000;

  /** The story's lines and an error surge per second of the outage, one input per element. */
  private static List<Object> inputs() {
    List<Object> inputs = new ArrayList<>(story());
    long down = T0 + 60_000;
    for (int s = 1; s <= 30; s++) {
      long start = down + s * 1000;
      inputs.add(
          new Anomaly(
              Anomaly.idOf("payment", AnomalyKind.ERROR_SURGE, start, null),
              "payment",
              AnomalyKind.ERROR_SURGE,
              start,
              start + 1000,
              null,
              null,
              4.0,
              1,
              0.1,
              null));
    }
    inputs.sort(Comparator.comparingLong(CorrelationBufferTest::timeOf));
    return inputs;
  }

  private static long timeOf(Object input) {
    return input instanceof LogEvent e ? e.timestamp() : ((Anomaly) input).windowEnd() - 1;
  }

  /** The inputs in an arrival order up to 4 s of event time off theirs (seeded). */
  private static List<Object> shuffled(List<Object> inputs, long seed) {
    Random random = new Random(seed);
    List<long[]> keyed = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      keyed.add(new long[] {timeOf(inputs.get(i)) + random.nextInt(4_000), i});
    }
    keyed.sort(Comparator.comparingLong((long[] k) -> k[0]).thenComparingLong(k -> k[1]));
    return keyed.stream().map(k -> inputs.get((int) k[1])).toList();
  }

  private static <F extends KeyedCoProcessFunction<String, ClassifiedEvent, Anomaly, Incident>>
      KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident> harness(
          F function) throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(function), e -> "default", a -> "default", Types.STRING);
  }

  private static CorrelationFunction correlation() {
    return new CorrelationFunction(new RuleSource(null), TOPOLOGY);
  }

  /** Feeds the inputs, the watermark {@code lag} behind the newest, or none when lag is null. */
  private static void feed(
      KeyedTwoInputStreamOperatorTestHarness<String, ClassifiedEvent, Anomaly, Incident> h,
      List<Object> inputs,
      Long lag)
      throws Exception {
    long newest = Long.MIN_VALUE;
    for (Object input : inputs) {
      if (input instanceof LogEvent e) {
        h.processElement1(ClassifiedEvent.of(e), e.timestamp());
      } else {
        h.processElement2((Anomaly) input, timeOf(input));
      }
      newest = Math.max(newest, timeOf(input));
      if (lag != null) {
        h.processBothWatermarks(new Watermark(newest - lag));
      }
    }
  }

  private static List<String> json(List<Incident> updates) {
    return updates.stream().map(IncidentJson::write).toList();
  }

  /** Every update the operator emits over the inputs in time order, each in JSON. */
  private static List<String> inOrder() throws Exception {
    try (var h = harness(correlation())) {
      h.open();
      feed(h, inputs(), DISORDER);
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      return json(h.extractOutputValues());
    }
  }

  @Test
  void inputsArrivingOutOfOrderAcrossManyTicksGiveTheSameUpdatesInTheSameOrder() throws Exception {
    List<String> expected = inOrder();
    assertThat(expected).isNotEmpty();
    for (long seed = 1; seed <= 3; seed++) {
      try (var h = harness(correlation())) {
        h.open();
        feed(h, shuffled(inputs(), seed), DISORDER);
        h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
        assertThat(json(h.extractOutputValues())).as("seed %d", seed).isEqualTo(expected);
      }
    }
  }

  @Test
  void theEndOfInputReleasesEverythingStillBufferedInTimeOrder() throws Exception {
    List<String> sorted;
    try (var h = harness(correlation())) {
      h.open();
      feed(h, inputs(), null); // no watermark: every input stays buffered to the end
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      sorted = json(h.extractOutputValues());
    }
    assertThat(sorted).isNotEmpty();
    CorrelationFunction function = correlation();
    try (var h = harness(function)) {
      h.open();
      feed(h, shuffled(inputs(), 7), null);
      assertThat(function.pendingInputs()).isEqualTo(inputs().size());
      assertThat(h.extractOutputValues()).isEmpty();
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      assertThat(function.pendingInputs()).isZero();
      assertThat(json(h.extractOutputValues())).isEqualTo(sorted);
    }
  }

  @Test
  void aCheckpointTakenWithInputsBufferedRestoresThemAndCountsThem() throws Exception {
    List<String> expected = inOrder();
    List<Object> arrival = shuffled(inputs(), 11);
    int cut = arrival.size() * 2 / 3;
    long lag = 20_000; // a skewed partition holds the watermark back: a deep buffer
    List<Incident> resumed = new ArrayList<>();
    OperatorSubtaskState snapshot;
    long buffered;
    CorrelationFunction first = correlation();
    try (var h = harness(first)) {
      h.open();
      feed(h, arrival.subList(0, cut), lag);
      buffered = first.pendingInputs();
      resumed.addAll(h.extractOutputValues());
      snapshot = h.snapshot(1, 1);
    }
    assertThat(buffered).as("inputs over many ticks").isGreaterThan(40);

    CorrelationFunction second = correlation();
    try (var h = harness(second)) {
      h.initializeState(snapshot);
      h.open();
      feed(h, arrival.subList(cut, cut + 1), null);
      assertThat(second.pendingInputs()).isEqualTo(buffered + 1);
      feed(h, arrival.subList(cut + 1, arrival.size()), lag);
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      resumed.addAll(h.extractOutputValues());
      assertThat(second.pendingInputs()).isZero();
    }
    assertThat(CorrelationFunctionTest.finalStates(resumed))
        .isEqualTo(
            CorrelationFunctionTest.finalStates(
                expected.stream().map(IncidentJson::read).toList()));
  }

  @Test
  void theListStateOfTheReleaseBeforeMovesIntoTheTicksOnRestore() throws Exception {
    List<String> expected = inOrder();
    List<Object> arrival = shuffled(inputs(), 5);
    int cut = arrival.size() / 2;
    OperatorSubtaskState snapshot;
    try (var h = harness(new ListBuffer())) {
      h.open();
      feed(h, arrival.subList(0, cut), null);
      snapshot = h.snapshot(1, 1);
    }

    CorrelationFunction function = correlation();
    try (var h = harness(function)) {
      h.initializeState(snapshot);
      h.open();
      long newest = arrival.subList(0, cut).stream().mapToLong(i -> timeOf(i)).max().orElseThrow();
      // the watermark the release's run never sent: the restored timers release the old lists
      h.processBothWatermarks(new Watermark(newest - DISORDER));
      assertThat(function.pendingInputs()).isPositive();
      feed(h, arrival.subList(cut, arrival.size()), DISORDER);
      h.processBothWatermarks(new Watermark(Long.MAX_VALUE));
      assertThat(function.pendingInputs()).isZero();
      assertThat(CorrelationFunctionTest.finalStates(h.extractOutputValues()))
          .isEqualTo(
              CorrelationFunctionTest.finalStates(
                  expected.stream().map(IncidentJson::read).toList()));
    }
  }

  /**
   * The buffering of the releases before the ticks (14's seventh round): two keyed lists under the
   * same names and serializers, a timer at each input's tick and one at the end of input. It never
   * releases: the test restores its state before any watermark.
   */
  private static final class ListBuffer
      extends KeyedCoProcessFunction<String, ClassifiedEvent, Anomaly, Incident> {
    private transient ListState<ClassifiedEvent> events;
    private transient ListState<Anomaly> anomalies;

    @Override
    public void open(OpenContext context) {
      events =
          getRuntimeContext()
              .getListState(
                  new ListStateDescriptor<>("pending-events", new ClassifiedEventSerializer()));
      anomalies =
          getRuntimeContext()
              .getListState(
                  new ListStateDescriptor<>("pending-anomalies", new AnomalySerializer()));
    }

    @Override
    public void processElement1(ClassifiedEvent event, Context ctx, Collector<Incident> out)
        throws Exception {
      events.add(event);
      schedule(event.event().timestamp(), ctx);
    }

    @Override
    public void processElement2(Anomaly anomaly, Context ctx, Collector<Incident> out)
        throws Exception {
      anomalies.add(anomaly);
      schedule(anomaly.windowEnd() - 1, ctx);
    }

    private static void schedule(long timestamp, Context ctx) {
      ctx.timerService().registerEventTimeTimer(timestamp - Math.floorMod(timestamp, 1000) + 999);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }
  }
}
