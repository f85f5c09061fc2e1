package dev.logrca.flink.correlate;

import dev.logrca.core.model.Anomaly;
import dev.logrca.flink.state.AnomalySerializer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;

/**
 * The correlation's inputs of the current scope (keyed state) waiting for the watermark, in buckets
 * by the tick (second of event time) that releases them, so that a tick takes its own inputs
 * without reading the rest of the buffer. Savepoints of earlier releases hold the buffer as two
 * lists ({@code pending-events}, {@code pending-anomalies}); a scope's lists are moved into the
 * buckets the first time this instance touches the scope.
 */
final class PendingInputs {
  /** Inputs are released to the engine once per second of event time. */
  static final long TICK_MILLIS = 1000;

  private static final Comparator<TimedInput> TIME_ORDER =
      Comparator.comparingLong(TimedInput::timestamp)
          .thenComparingInt(TimedInput::kindOrder)
          .thenComparing(TimedInput::source)
          .thenComparingLong(TimedInput::position)
          .thenComparing(TimedInput::id);

  private final MapState<Long, List<ClassifiedEvent>> events;
  private final MapState<Long, List<Anomaly>> anomalies;
  private final ListState<ClassifiedEvent> listedEvents;
  private final ListState<Anomaly> listedAnomalies;

  /** Scopes whose buffer this instance has counted (and moved out of the old lists). */
  private final Set<String> touched = new HashSet<>();

  /** Inputs buffered in the touched scopes. */
  private long total;

  PendingInputs(RuntimeContext context) {
    events = context.getMapState(eventsState());
    anomalies = context.getMapState(anomaliesState());
    listedEvents = context.getListState(listedEventsState());
    listedAnomalies = context.getListState(listedAnomaliesState());
  }

  static MapStateDescriptor<Long, List<ClassifiedEvent>> eventsState() {
    return new MapStateDescriptor<>(
        "pending-events-by-tick",
        LongSerializer.INSTANCE,
        new ListSerializer<>(new ClassifiedEventSerializer()));
  }

  static MapStateDescriptor<Long, List<Anomaly>> anomaliesState() {
    return new MapStateDescriptor<>(
        "pending-anomalies-by-tick",
        LongSerializer.INSTANCE,
        new ListSerializer<>(new AnomalySerializer()));
  }

  /** The buffer as releases up to 14's seventh round kept it; read to move it, never written. */
  static ListStateDescriptor<ClassifiedEvent> listedEventsState() {
    return new ListStateDescriptor<>("pending-events", new ClassifiedEventSerializer());
  }

  static ListStateDescriptor<Anomaly> listedAnomaliesState() {
    return new ListStateDescriptor<>("pending-anomalies", new AnomalySerializer());
  }

  static List<StateDescriptor<?, ?>> descriptors() {
    return List.of(eventsState(), anomaliesState(), listedEventsState(), listedAnomaliesState());
  }

  /** The tick whose timer releases an input of event time {@code timestamp}: its second's end. */
  static long tickOf(long timestamp) {
    return timestamp - Math.floorMod(timestamp, TICK_MILLIS) + TICK_MILLIS - 1;
  }

  /** Inputs buffered in the scopes this instance has touched since it started (a gauge). */
  long size() {
    return total;
  }

  /** Buffers an event of the current key, {@code scope}. */
  void add(String scope, ClassifiedEvent event) throws Exception {
    touch(scope);
    append(events, tickOf(event.event().timestamp()), event);
    total++;
  }

  /** Buffers an anomaly of the current key, {@code scope}. */
  void add(String scope, Anomaly anomaly) throws Exception {
    touch(scope);
    append(anomalies, tickOf(anomaly.windowEnd() - 1), anomaly);
    total++;
  }

  /**
   * Takes the scope's inputs at or before {@code time} out of state, in time order. Only the keys
   * of the buckets are scanned (one per second of event time buffered), not the inputs.
   */
  List<TimedInput> releaseUpTo(String scope, long time) throws Exception {
    touch(scope);
    List<TimedInput> ready = new ArrayList<>();
    for (ClassifiedEvent e : takeUpTo(events, time)) {
      ready.add(TimedInput.of(e));
    }
    for (Anomaly a : takeUpTo(anomalies, time)) {
      ready.add(TimedInput.of(a));
    }
    total -= ready.size();
    ready.sort(TIME_ORDER);
    return ready;
  }

  private static <T> void append(MapState<Long, List<T>> state, long tick, T input)
      throws Exception {
    List<T> bucket = state.get(tick);
    if (bucket == null) {
      bucket = new ArrayList<>();
    }
    bucket.add(input);
    // the heap backend holds this very list already; RocksDB needs it written back
    state.put(tick, bucket);
  }

  private static <T> List<T> takeUpTo(MapState<Long, List<T>> state, long time) throws Exception {
    List<Long> due = new ArrayList<>();
    for (Long tick : state.keys()) {
      if (tick <= time) {
        due.add(tick);
      }
    }
    List<T> taken = new ArrayList<>();
    for (Long tick : due) {
      taken.addAll(state.get(tick));
      state.remove(tick);
    }
    return taken;
  }

  /** On the first touch of a scope: moves its old lists into buckets and counts what it holds. */
  private void touch(String scope) throws Exception {
    if (!touched.add(scope)) {
      return;
    }
    for (ClassifiedEvent e : listedEvents.get()) {
      append(events, tickOf(e.event().timestamp()), e);
    }
    for (Anomaly a : listedAnomalies.get()) {
      append(anomalies, tickOf(a.windowEnd() - 1), a);
    }
    listedEvents.clear();
    listedAnomalies.clear();
    long held = 0;
    for (List<ClassifiedEvent> bucket : events.values()) {
      held += bucket.size();
    }
    for (List<Anomaly> bucket : anomalies.values()) {
      held += bucket.size();
    }
    total += held;
  }
}
