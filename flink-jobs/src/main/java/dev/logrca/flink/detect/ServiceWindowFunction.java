package dev.logrca.flink.detect;

import dev.logrca.core.detect.ServiceWindow;
import dev.logrca.core.detect.WindowAccumulator;
import dev.logrca.core.model.LogEvent;
import dev.logrca.flink.JobCounters;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts each service's events in tumbling event-time windows and emits every window in order,
 * empty ones included: a service that falls silent (a crashed database) must show up as windows
 * with nothing in them, which Flink's window operator would never emit. Silence is reported for at
 * most {@code maxSilentWindows} windows in a row, and never past the end of the input. The last
 * window of a finite input ends where the input does (its last line's time), not where a full
 * window would: a window the input stopped filling is no drop in the services' logging.
 */
public final class ServiceWindowFunction
    extends KeyedProcessFunction<String, LogEvent, ServiceWindow> implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  private final long windowMillis;
  private final int maxSilentWindows;

  private transient MapState<Long, WindowAccumulator> open;
  private transient ValueState<Long> nextToEmit;
  private transient ValueState<Integer> silentStreak;
  private transient LongCounter late;

  /**
   * The latest event time this subtask has seen, over all its services: where a finite input ended.
   * Checkpointed as this subtask's own entry of an operator list state, so that a restore after the
   * input's last line (before its end reached the windows) still ends them there, as an
   * uninterrupted run does; with an unchanged parallelism each subtask gets its own entry back.
   */
  private transient long latestEventTime;

  private transient ListState<Long> latestCheckpointed;

  public ServiceWindowFunction(long windowMillis, int maxSilentWindows) {
    this.windowMillis = windowMillis;
    this.maxSilentWindows = maxSilentWindows;
  }

  @Override
  public void open(OpenContext context) {
    open = getRuntimeContext().getMapState(openWindows());
    nextToEmit = getRuntimeContext().getState(nextWindow());
    silentStreak = getRuntimeContext().getState(silentStreak());
    late = new LongCounter();
    getRuntimeContext().addAccumulator(JobCounters.LATE, late);
    getRuntimeContext().getMetricGroup().gauge(JobCounters.LATE, late::getLocalValuePrimitive);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    latestCheckpointed = context.getOperatorStateStore().getListState(latestEventTimeState());
    latestEventTime = Long.MIN_VALUE;
    // after a rescale a subtask may get several entries or none: the latest of them, or none
    for (Long time : latestCheckpointed.get()) {
      latestEventTime = Math.max(latestEventTime, time);
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    latestCheckpointed.update(
        latestEventTime == Long.MIN_VALUE ? List.of() : List.of(latestEventTime));
  }

  @Override
  public void processElement(LogEvent event, Context ctx, Collector<ServiceWindow> out)
      throws Exception {
    latestEventTime = Math.max(latestEventTime, event.timestamp());
    long start = windowStart(event.timestamp());
    Long next = nextToEmit.value();
    if (event.timestamp() <= ctx.timerService().currentWatermark()
        || (next != null && start < next)) {
      // behind the watermark: already in the event index, too late to be counted
      late.add(1);
      return;
    }
    if (next == null) {
      nextToEmit.update(start);
    }
    WindowAccumulator acc = open.get(start);
    if (acc == null) {
      acc = new WindowAccumulator();
    }
    acc.add(event);
    open.put(start, acc);
    ctx.timerService().registerEventTimeTimer(start + windowMillis - 1);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ServiceWindow> out)
      throws Exception {
    long upTo = timestamp + 1 - windowMillis;
    Long next = nextToEmit.value();
    if (next == null || next > upTo) {
      return;
    }
    boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
    int silent = silentStreak.value() == null ? 0 : silentStreak.value();
    for (long start = next; start <= upTo; start += windowMillis) {
      WindowAccumulator acc = open.get(start);
      if (acc != null) {
        open.remove(start);
        silent = 0;
      } else if (endOfInput || ++silent > maxSilentWindows) {
        continue;
      } else {
        acc = new WindowAccumulator();
      }
      out.collect(acc.toWindow(ctx.getCurrentKey(), start, end(start, endOfInput)));
    }
    nextToEmit.update(upTo + windowMillis);
    silentStreak.update(silent);
    if (!endOfInput && silent < maxSilentWindows) {
      // keep watching a service that may have gone quiet
      ctx.timerService().registerEventTimeTimer(upTo + 2 * windowMillis - 1);
    }
  }

  /** Counts of the windows not emitted yet, by start. */
  private static MapStateDescriptor<Long, WindowAccumulator> openWindows() {
    return new MapStateDescriptor<>(
        "open-windows", LongSerializer.INSTANCE, new WindowAccumulatorSerializer());
  }

  private static ValueStateDescriptor<Long> nextWindow() {
    return new ValueStateDescriptor<>("next-window", LongSerializer.INSTANCE);
  }

  private static ValueStateDescriptor<Integer> silentStreak() {
    return new ValueStateDescriptor<>("silent-streak", IntSerializer.INSTANCE);
  }

  private static ListStateDescriptor<Long> latestEventTimeState() {
    return new ListStateDescriptor<>("latest-event-time", LongSerializer.INSTANCE);
  }

  /** Every state this function keeps, for the tests that check how each is stored. */
  public static List<StateDescriptor<?, ?>> stateDescriptors() {
    return List.of(openWindows(), nextWindow(), silentStreak(), latestEventTimeState());
  }

  /** A window's end: the input's end when the input stopped inside it, else a full window. */
  private long end(long start, boolean endOfInput) {
    long full = start + windowMillis;
    if (endOfInput && latestEventTime != Long.MIN_VALUE && latestEventTime < full - 1) {
      return Math.max(start + 1, latestEventTime + 1);
    }
    return full;
  }

  private long windowStart(long timestamp) {
    return timestamp - Math.floorMod(timestamp, windowMillis);
  }
}
