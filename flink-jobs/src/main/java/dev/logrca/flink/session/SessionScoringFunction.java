package dev.logrca.flink.session;

import dev.logrca.core.detect.registry.DriftEvent;
import dev.logrca.core.detect.session.DeviatingSessions;
import dev.logrca.core.detect.session.Session;
import dev.logrca.core.detect.session.SessionJudgement;
import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.sink.EventIndexEntry;
import dev.logrca.flink.sink.EventIndexEntrySerializer;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by session key: gathers each session's lines in keyed state, closes it after {@link
 * SessionSettings#idleMillis()} of quiet in event time and has the registry's champion judge it. A
 * flagged session becomes a {@code SESSION_DEVIATION} anomaly naming the service and template where
 * it first departs; a drift of the judged sessions' mix becomes a line of service {@code logrca} in
 * the event index ({@link #DRIFT}). The registry is looked at on input and on a processing-time
 * timer, so a promotion or rollback takes effect without a restart.
 */
public final class SessionScoringFunction
    extends KeyedProcessFunction<String, SessionLine, Anomaly> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SessionScoringFunction.class);

  /** Drift events, as entries for the event index. */
  public static final OutputTag<EventIndexEntry> DRIFT =
      new OutputTag<>("model-drift", EventIndexEntrySerializer.TYPE);

  /** The template drift lines are indexed under. */
  static final String DRIFT_TEMPLATE_ID = DriftEvent.SERVICE + ":model-drift";

  private final SessionSettings settings;

  private transient ValueState<Session> open;
  private transient ModelLook models;
  private transient DeviatingSessions deviations;
  private transient long pendingLook;
  private transient Counter judged;
  private transient Counter flagged;
  private transient Counter disagreements;
  private transient Counter refused;
  private transient Counter drifts;

  public SessionScoringFunction(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public void open(OpenContext context) {
    open =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("open-session", new SessionSerializer()));
    var metrics = getRuntimeContext().getMetricGroup();
    judged = metrics.counter("sessionsJudged");
    flagged = metrics.counter("sessionsFlagged");
    disagreements = metrics.counter("challengerDisagreements");
    refused = metrics.counter("modelsRefused");
    drifts = metrics.counter("modelDrifts");
    models = new ModelLook(settings, new Counting());
    deviations = new DeviatingSessions();
    pendingLook = Long.MIN_VALUE;
  }

  @Override
  public void processElement(SessionLine line, Context ctx, Collector<Anomaly> out)
      throws Exception {
    look(ctx.timerService());
    Session session = open.value();
    if (session == null) {
      session = new Session(line.key);
    } else {
      ctx.timerService().deleteEventTimeTimer(session.end() + settings.idleMillis());
    }
    session.add(line.event());
    open.update(session);
    ctx.timerService().registerEventTimeTimer(session.end() + settings.idleMillis());
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Anomaly> out) throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      if (timestamp == pendingLook) {
        pendingLook = Long.MIN_VALUE;
      }
      look(ctx.timerService());
      return;
    }
    look(ctx.timerService());
    Session session = open.value();
    if (session == null || timestamp < session.end() + settings.idleMillis()) {
      return; // a line arrived since: the session's own timer is later
    }
    open.clear();
    judge(session, timestamp, ctx, out);
  }

  private void judge(Session session, long closedAt, OnTimerContext ctx, Collector<Anomaly> out) {
    Optional<SessionJudgement> judgement = models.judge(session);
    if (judgement.isEmpty()) {
      return;
    }
    judged.inc();
    if (judgement.get().anomalous()) {
      flagged.inc();
      Optional<Anomaly> anomaly = deviations.report(session, judgement.get(), closedAt);
      anomaly.ifPresent(
          a -> {
            LOG.info(
                "session {} departs at {} ({}): {}",
                session.key(),
                a.service(),
                a.templateId(),
                DeviatingSessions.reasons(judgement.get()));
            out.collect(a);
          });
    }
    models
        .checkDrift()
        .ifPresent(
            d -> {
              drifts.inc();
              ctx.output(DRIFT, EventIndexEntry.replacing(driftLine(d)));
            });
  }

  /** The registry is looked at now if due, and again by a timer even when no line comes. */
  private void look(TimerService timers) {
    models.lookIfDue(timers.currentProcessingTime());
    if (pendingLook == Long.MIN_VALUE) {
      pendingLook = models.nextLook();
      timers.registerProcessingTimeTimer(pendingLook);
    }
  }

  /** Sessions the champion judged by this instance (tests read the metrics this way). */
  long judged() {
    return judged.getCount();
  }

  long disagreements() {
    return disagreements.getCount();
  }

  long refusedModels() {
    return refused.getCount();
  }

  long drifts() {
    return drifts.getCount();
  }

  /** A drift event as an event of service {@code logrca}, searchable by its attributes. */
  static LogEvent driftLine(DriftEvent drift) {
    LogRecord line = drift.toLogRecord();
    return new LogEvent(
        line,
        DRIFT_TEMPLATE_ID,
        "model <*> is stale: <*>",
        List.of(drift.modelId(), drift.reason()),
        false);
  }

  /** Counts what the model look reports in this operator's metrics. */
  private final class Counting implements ModelLook.Listener {
    @Override
    public void loaded(String modelId) {}

    @Override
    public void refused(String reason) {
      refused.inc();
    }

    @Override
    public void disagreed(String sessionKey) {
      disagreements.inc();
    }
  }
}
