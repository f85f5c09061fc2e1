package dev.logrca.flink.mine;

import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.core.template.MinerConfig;
import dev.logrca.core.template.MiningResult;
import dev.logrca.core.template.TemplateChange;
import dev.logrca.core.template.TemplateMiner;
import dev.logrca.flink.JobCounters;
import dev.logrca.index.TemplateEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.accumulators.LongMaximum;
import org.apache.flink.api.common.accumulators.LongMinimum;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Mines the template of every line, one miner per service kept in keyed state. Template ids are
 * made global as {@code service:n}, stable for the template's whole life. Each birth, new text or
 * merge of a template goes to the {@link #TEMPLATES} side output as the template's current entry.
 */
public final class TemplateMiningFunction
    extends KeyedProcessFunction<String, LogRecord, LogEvent> {
  private static final long serialVersionUID = 1L;

  /** Templates born, generalised or merged, each with its current text and retired ids. */
  public static final OutputTag<TemplateEntry> TEMPLATES =
      new OutputTag<>("template-changes", TypeInformation.of(TemplateEntry.class));

  private transient ValueState<TemplateMiner> miner;
  private transient LongCounter lines;
  private transient Meter linesPerSecond;
  private transient LongCounter keptRaw;
  private transient LongMinimum firstEvent;
  private transient LongMaximum lastEvent;
  private transient LongMinimum firstLineAt;
  private transient LongMaximum lastLineAt;

  @Override
  public void open(OpenContext context) {
    miner = getRuntimeContext().getState(minerState());
    lines = new LongCounter();
    keptRaw = new LongCounter();
    getRuntimeContext().addAccumulator(JobCounters.LINES, lines);
    getRuntimeContext().addAccumulator(JobCounters.KEPT_RAW, keptRaw);
    firstEvent = new LongMinimum();
    lastEvent = new LongMaximum();
    getRuntimeContext().addAccumulator(JobCounters.FIRST_EVENT, firstEvent);
    getRuntimeContext().addAccumulator(JobCounters.LAST_EVENT, lastEvent);
    firstLineAt = new LongMinimum();
    lastLineAt = new LongMaximum();
    getRuntimeContext().addAccumulator(JobCounters.FIRST_LINE_AT, firstLineAt);
    getRuntimeContext().addAccumulator(JobCounters.LAST_LINE_AT, lastLineAt);
    // the same counts as metrics, for a cluster's reporters (Prometheus) while the job runs
    MetricGroup metrics = getRuntimeContext().getMetricGroup();
    linesPerSecond = metrics.meter("linesPerSecond", new MeterView(60));
    metrics.gauge(JobCounters.KEPT_RAW, keptRaw::getLocalValuePrimitive);
  }

  @Override
  public void processElement(LogRecord record, Context ctx, Collector<LogEvent> out)
      throws Exception {
    lines.add(1);
    linesPerSecond.markEvent();
    firstEvent.add(record.timestamp());
    lastEvent.add(record.timestamp());
    // wall clock, for the run's timeline (bench): how long start-up and the drain at the end take
    long now = System.currentTimeMillis();
    if (lines.getLocalValuePrimitive() == 1) {
      firstLineAt.add(now);
    }
    lastLineAt.add(now);
    if (record.decodeError() != null) {
      keptRaw.add(1);
    }
    TemplateMiner current = miner.value();
    if (current == null) {
      current = new TemplateMiner(MinerConfig.defaults());
    }
    MiningResult result = current.mine(record.message());
    // always put it back: a heap backend keeps the reference, RocksDB would otherwise lose it
    miner.update(current);
    out.collect(
        new LogEvent(
            record,
            globalId(ctx.getCurrentKey(), result.templateId()),
            result.template(),
            result.parameters(),
            result.created()));
    if (result.templateChange() != null) {
      ctx.output(
          TEMPLATES, entry(ctx.getCurrentKey(), result.templateChange(), record.timestamp()));
    }
  }

  /** The service's miner. */
  private static ValueStateDescriptor<TemplateMiner> minerState() {
    return new ValueStateDescriptor<>("template-miner", new TemplateMinerSerializer());
  }

  /** Every state this function keeps, for the tests that check how each is stored. */
  public static List<StateDescriptor<?, ?>> stateDescriptors() {
    return List.of(minerState());
  }

  /** {@code change} of a template of {@code service}, with global ids. */
  static TemplateEntry entry(String service, TemplateChange change, long time) {
    List<String> retired = new ArrayList<>(change.retiredIds().size());
    for (int id : change.retiredIds()) {
      retired.add(globalId(service, id));
    }
    return new TemplateEntry(
        service, globalId(service, change.templateId()), change.text(), retired, time);
  }

  /** The global id of template {@code localId} of {@code service}. */
  public static String globalId(String service, int localId) {
    return service + ":" + localId;
  }
}
