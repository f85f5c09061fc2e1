package dev.logrca.flink.correlate;

import dev.logrca.core.model.LogEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Chooses, per service and in parallel, the lines the single-threaded correlation needs: lines
 * worth a fact (WARN or worse, a failure signature, a new template, a line without a timestamp of
 * its own that may continue one), at most {@link #PER_TEMPLATE_PER_SECOND} of each template in each
 * second so that a service flooding its log with one error cannot stall the correlation; and of the
 * routine rest only what keeps the engine's picture of the system current: one line per service per
 * second (it is alive), the first line of each host, and, when the call graph is inferred, the
 * first line of each trace. Every line is in the event index and counted in the windows whatever
 * this filter decides, so surges are still measured in full by the detectors.
 */
public final class CorrelationInputFilter
    extends KeyedProcessFunction<String, LogEvent, ClassifiedEvent> {
  private static final long serialVersionUID = 1L;

  /** How many recent hosts and per-second template counts each service remembers. */
  static final int REMEMBERED = 10_000;

  /** Lines of one template that reach the correlation in one second of event time. */
  static final int PER_TEMPLATE_PER_SECOND = 5;

  private final boolean inferTopology;
  private transient ValueState<Long> lastSecond;
  private transient ValueState<Recent> seen;

  /**
   * @param inferTopology whether calls are inferred from the logs (no topology file)
   */
  public CorrelationInputFilter(boolean inferTopology) {
    this.inferTopology = inferTopology;
  }

  @Override
  public void open(OpenContext context) {
    lastSecond = getRuntimeContext().getState(lastSecondState());
    seen = getRuntimeContext().getState(seenState());
  }

  private static ValueStateDescriptor<Long> lastSecondState() {
    return new ValueStateDescriptor<>("last-second", LongSerializer.INSTANCE);
  }

  private static ValueStateDescriptor<Recent> seenState() {
    return new ValueStateDescriptor<>("seen", new RecentSerializer());
  }

  /** Every state this function keeps, for the tests that check how each is stored. */
  public static List<StateDescriptor<?, ?>> stateDescriptors() {
    return List.of(lastSecondState(), seenState());
  }

  @Override
  public void processElement(LogEvent event, Context ctx, Collector<ClassifiedEvent> out)
      throws Exception {
    Recent recent = seen.value();
    if (recent == null) {
      recent = new Recent();
    }
    // the one place a line's signatures are matched: the correlation takes them from here
    ClassifiedEvent classified = ClassifiedEvent.of(event);
    boolean forward =
        isFactCandidate(classified) ? withinRate(event, recent) : isNews(event, recent);
    seen.update(recent);
    if (forward) {
      out.collect(classified);
    }
  }

  /** True for the first few lines of the event's template in its second. */
  private static boolean withinRate(LogEvent event, Recent recent) {
    if (event.newTemplate()) {
      return true;
    }
    String key = "rate:" + event.templateId() + "@" + Math.floorDiv(event.timestamp(), 1000);
    return recent.count(key) <= PER_TEMPLATE_PER_SECOND;
  }

  /** A line the correlation may turn into a fact. */
  static boolean isFactCandidate(ClassifiedEvent classified) {
    LogEvent event = classified.event();
    return event.level().isWarnOrWorse()
        || event.newTemplate()
        || event.record().timestampInferred()
        || !classified.signals().isEmpty();
  }

  /** A routine line that still tells the correlation something it does not know yet. */
  private boolean isNews(LogEvent event, Recent recent) throws Exception {
    boolean news = false;
    long second = Math.floorDiv(event.timestamp(), 1000);
    Long last = lastSecond.value();
    if (last == null || second > last) {
      lastSecond.update(second);
      news = true;
    }
    String host = event.record().host();
    news |= host != null && recent.firstTime("host:" + host);
    // inferring calls reads every line: whose lines enclose whose within a trace, and which
    // services and host:ports a routine line names
    return news || inferTopology;
  }

  /** A bounded memory of recently seen keys, oldest forgotten first. */
  public static final class Recent extends LinkedHashMap<String, Integer> {
    private static final long serialVersionUID = 1L;

    /** An empty memory. */
    public Recent() {
      super(64, 0.75f, true);
    }

    boolean firstTime(String key) {
      return put(key, 1) == null;
    }

    /** How often {@code key} has been seen, this time included. */
    int count(String key) {
      return merge(key, 1, Integer::sum);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > REMEMBERED;
    }
  }
}
