package dev.logrca.flink.correlate;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.topology.HopLatency;
import dev.logrca.core.topology.Topology;
import dev.logrca.core.topology.TopologyInference;
import dev.logrca.flink.JobCounters;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.correlate.CorrelationConfig;
import dev.logrca.rules.correlate.CorrelationEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Correlates events and anomalies of one scope in a Drools session whose pseudo clock follows the
 * watermark. Inputs are buffered in keyed state until the watermark passes them, then fed to the
 * engine in time order, so a replay gives the same incidents whatever the arrival order was. With
 * an operator's rule folder, edits to it take effect while the job runs ({@link RuleWatch}).
 */
public final class CorrelationFunction
    extends KeyedCoProcessFunction<String, ClassifiedEvent, Anomaly, Incident>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  /** How often, in processing time, an operator's rule folder is read again. */
  static final long RULE_CHECK_MILLIS = 2000;

  private final RuleSource rules;
  private final Topology fileTopology;

  private transient PendingInputs pending;
  private transient ListState<ScopeState> checkpointed;
  private transient ListState<ScopeHops> checkpointedHops;
  private transient Map<String, Scope> scopes;
  private transient Map<String, ScopeState> restored;
  private transient Map<String, HopLatency> restoredHops;
  private transient RuleWatch watch;
  private transient CompiledRules compiled;

  /** The newest event time among the inputs received (a gauge, against the input watermark). */
  private transient long newestInput;

  /**
   * @param rules where the rules come from
   * @param fileTopology the call graph from a topology file, or null (or a catalogue of services
   *     without calls) to infer it from the logs
   */
  public CorrelationFunction(RuleSource rules, Topology fileTopology) {
    this.rules = rules;
    this.fileTopology = fileTopology;
  }

  @Override
  public void open(OpenContext context) throws Exception {
    pending = new PendingInputs(getRuntimeContext());
    watch = new RuleWatch(rules, RULE_CHECK_MILLIS, new RuleCounters(getRuntimeContext()));
    // after a restore too: the rules are the folder's current ones, not those of the checkpoint
    compiled = watch.start();
    newestInput = Long.MIN_VALUE;
    getRuntimeContext().getMetricGroup().gauge("pendingInputs", () -> pending.size());
    getRuntimeContext().getMetricGroup().gauge("newestInputMillis", () -> newestInput);
  }

  private static ListStateDescriptor<ScopeState> scopesState() {
    return new ListStateDescriptor<>("correlation-scopes", new ScopeStateSerializer());
  }

  private static ListStateDescriptor<ScopeHops> hopsState() {
    return new ListStateDescriptor<>("correlation-hops", new ScopeHopsSerializer());
  }

  /** Every state this function keeps (keyed and operator), for the tests of how each is stored. */
  public static List<StateDescriptor<?, ?>> stateDescriptors() {
    List<StateDescriptor<?, ?>> all = new ArrayList<>(PendingInputs.descriptors());
    all.add(scopesState());
    all.add(hopsState());
    return all;
  }

  @Override
  public void close() throws Exception {
    if (watch != null) {
      watch.close();
    }
    super.close();
  }

  /** Swaps in rules compiled since the last look, and keeps looking while the job runs. */
  private void checkRules(TimerService timers) {
    if (!watch.watching()) {
      return;
    }
    CompiledRules next = watch.poll(timers.currentProcessingTime());
    if (next != null) {
      compiled = next;
      scopes.values().forEach(scope -> scope.engine.replaceRules(next));
    }
    // an idle job still picks up a change (and reports a broken file) within an interval
    timers.registerProcessingTimeTimer(watch.nextCheck());
  }

  /** Inputs buffered in the scopes this instance has touched (the gauge), for tests. */
  long pendingInputs() {
    return pending.size();
  }

  /** The folder watch, for tests. */
  RuleWatch ruleWatch() {
    return watch;
  }

  @Override
  public void processElement1(ClassifiedEvent event, Context ctx, Collector<Incident> out)
      throws Exception {
    checkRules(ctx.timerService());
    pending.add(ctx.getCurrentKey(), event);
    scheduleRelease(event.event().timestamp(), ctx);
  }

  @Override
  public void processElement2(Anomaly anomaly, Context ctx, Collector<Incident> out)
      throws Exception {
    checkRules(ctx.timerService());
    pending.add(ctx.getCurrentKey(), anomaly);
    scheduleRelease(anomaly.windowEnd() - 1, ctx);
  }

  private void scheduleRelease(long timestamp, Context ctx) {
    newestInput = Math.max(newestInput, timestamp);
    ctx.timerService().registerEventTimeTimer(PendingInputs.tickOf(timestamp));
    // fires once the input is over, never on an endless stream
    ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Incident> out)
      throws Exception {
    checkRules(ctx.timerService());
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      return;
    }
    Scope scope = scope(ctx.getCurrentKey());
    List<TimedInput> ready = pending.releaseUpTo(ctx.getCurrentKey(), timestamp);
    for (TimedInput input : ready) {
      input.feed(scope);
    }
    boolean endOfInput = timestamp == Long.MAX_VALUE;
    long now = endOfInput && !ready.isEmpty() ? ready.get(ready.size() - 1).timestamp() : timestamp;
    if (!endOfInput || !ready.isEmpty()) {
      scope.lastTime = Math.max(scope.lastTime, now);
      scope.hops.closeBefore(scope.lastTime + 1).forEach(scope.engine::onAnomaly);
      if (fileTopology == null || !fileTopology.hasCalls()) {
        scope.engine.observeTopology(scope.inference.current());
      }
      scope.engine.advanceTo(scope.lastTime).forEach(out::collect);
    }
    if (endOfInput) {
      scope.hops.finish().forEach(scope.engine::onAnomaly);
      scope.engine.finish().forEach(out::collect);
    }
  }

  private Scope scope(String name) {
    return scopes.computeIfAbsent(name, this::createScope);
  }

  private Scope createScope(String name) {
    Topology topology = fileTopology == null ? new Topology() : fileTopology;
    ScopeState saved = restored.remove(name);
    // a savepoint from before hop latency has none: the scope starts counting afresh
    HopLatency hops = restoredHops.remove(name);
    hops = hops == null ? new HopLatency() : hops;
    if (saved != null) {
      return new Scope(
          CorrelationEngine.restore(compiled, saved.correlation()),
          saved.inference(),
          hops,
          saved.lastTime());
    }
    return new Scope(
        new CorrelationEngine(compiled, topology, CorrelationConfig.defaults()),
        new TopologyInference(),
        hops,
        Long.MIN_VALUE);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    List<ScopeState> states = new ArrayList<>();
    scopes.forEach(
        (name, scope) ->
            states.add(
                new ScopeState(name, scope.engine.snapshot(), scope.inference, scope.lastTime)));
    restored.values().forEach(states::add);
    checkpointed.update(states);
    List<ScopeHops> hops = new ArrayList<>();
    scopes.forEach((name, scope) -> hops.add(new ScopeHops(name, scope.hops)));
    restoredHops.forEach((name, h) -> hops.add(new ScopeHops(name, h)));
    checkpointedHops.update(hops);
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    scopes = new HashMap<>();
    restored = new HashMap<>();
    restoredHops = new HashMap<>();
    // union state: after a rescale every subtask sees all scopes and keeps the ones it owns
    checkpointed = context.getOperatorStateStore().getUnionListState(scopesState());
    checkpointedHops = context.getOperatorStateStore().getUnionListState(hopsState());
    if (context.isRestored()) {
      for (ScopeState state : checkpointed.get()) {
        restored.put(state.scope(), state);
      }
      for (ScopeHops hops : checkpointedHops.get()) {
        restoredHops.put(hops.scope(), hops.hops());
      }
    }
  }

  /** Counts reloads and rejected edits as job accumulators and as operator metrics. */
  private static final class RuleCounters implements RuleWatch.Listener {
    private final LongCounter reloaded = new LongCounter();
    private final LongCounter rejected = new LongCounter();
    private final Counter reloads;
    private final Counter rejections;

    RuleCounters(RuntimeContext context) {
      context.addAccumulator(JobCounters.RULES_RELOADED, reloaded);
      context.addAccumulator(JobCounters.RULES_REJECTED, rejected);
      reloads = context.getMetricGroup().counter(JobCounters.RULES_RELOADED);
      rejections = context.getMetricGroup().counter(JobCounters.RULES_REJECTED);
    }

    @Override
    public void reloaded(int files, int rules) {
      reloaded.add(1);
      reloads.inc();
    }

    @Override
    public void rejected(List<String> problems) {
      rejected.add(1);
      rejections.inc();
    }
  }

  /** The live engine of one scope and what it was last told. */
  static final class Scope {
    final CorrelationEngine engine;
    final TopologyInference inference;
    final HopLatency hops;
    long lastTime;

    Scope(CorrelationEngine engine, TopologyInference inference, HopLatency hops, long lastTime) {
      this.engine = engine;
      this.inference = inference;
      this.hops = hops;
      this.lastTime = lastTime;
    }
  }
}
