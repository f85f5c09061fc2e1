package dev.logrca.flink;

import dev.logrca.core.detect.ServiceWindow;
import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.model.LogRecord;
import dev.logrca.flink.correlate.ClassifiedEvent;
import dev.logrca.flink.correlate.CorrelationFunction;
import dev.logrca.flink.correlate.CorrelationInputFilter;
import dev.logrca.flink.detect.BehaviourFunction;
import dev.logrca.flink.detect.ServiceWindowFunction;
import dev.logrca.flink.mine.TemplateMiningFunction;
import dev.logrca.flink.session.SessionLine;
import dev.logrca.flink.session.SessionLines;
import dev.logrca.flink.session.SessionScoringFunction;
import dev.logrca.flink.sink.EventIndexEntry;
import dev.logrca.flink.sink.EventIndexEntrySerializer;
import dev.logrca.flink.source.LineWatermarks;
import dev.logrca.flink.source.LogRecordSerializer;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The logrca job: decoded lines in, templates mined per service, every event and template indexed,
 * events counted per service in event-time windows, detectors over the windows, Drools correlation
 * over events and anomalies, incidents indexed. Sources and sinks are handed in, so the command
 * line and the tests build the very same graph.
 */
public final class LogrcaJob {
  /** Every event and anomaly of one system is correlated together (one environment). */
  public static final String DEFAULT_SCOPE = "default";

  private LogrcaJob() {}

  /**
   * Adds the job to {@code env} and returns the stream of incident updates (each update carries the
   * whole current state of its incident).
   */
  public static DataStream<Incident> build(
      StreamExecutionEnvironment env,
      Source<LogRecord, ?, ?> source,
      JobSettings settings,
      Sink<EventIndexEntry> eventSink,
      Sink<Incident> incidentSink) {
    return build(env, source, 1, null, settings, eventSink, incidentSink);
  }

  /**
   * Like {@link #build(StreamExecutionEnvironment, Source, JobSettings, Sink, Sink)}, with {@code
   * sourceParallelism} readers (a Kafka source reads its partitions in parallel; the file source
   * merges its files in one) and, when {@code idleness} is not null, event time moving on without a
   * partition (a split) that has been quiet that long, or quiet a second after the reader had
   * caught up with it ({@link LineWatermarks}). Watermarks are kept per split.
   */
  public static DataStream<Incident> build(
      StreamExecutionEnvironment env,
      Source<LogRecord, ?, ?> source,
      int sourceParallelism,
      Duration idleness,
      JobSettings settings,
      Sink<EventIndexEntry> eventSink,
      Sink<Incident> incidentSink) {
    WatermarkStrategy<LogRecord> watermarks =
        idleness == null
            ? WatermarkStrategy.<LogRecord>forBoundedOutOfOrderness(settings.outOfOrderness())
                .withTimestampAssigner((record, previous) -> record.timestamp())
            : new LineWatermarks(settings.outOfOrderness(), idleness);
    DataStream<LogRecord> records =
        env.fromSource(source, watermarks, "log-lines", LogRecordSerializer.TYPE)
            .uid("log-lines")
            .setParallelism(sourceParallelism);

    SingleOutputStreamOperator<LogEvent> events =
        records
            .keyBy(LogRecord::service)
            .process(new TemplateMiningFunction())
            .name("template-miner")
            .uid("template-miner")
            .setParallelism(settings.parallelism());
    DataStream<EventIndexEntry> templates =
        events
            .getSideOutput(TemplateMiningFunction.TEMPLATES)
            .map(EventIndexEntry::of, EventIndexEntrySerializer.TYPE)
            .name("template-entries")
            .uid("template-entries")
            .setParallelism(settings.parallelism());
    DataStream<EventIndexEntry> eventEntries =
        events
            .map(EventIndexEntry::of, EventIndexEntrySerializer.TYPE)
            .name("event-entries")
            .uid("event-entries")
            .setParallelism(settings.parallelism())
            .union(templates);

    // the miner emits each event under its own service's key, so the per-service stages after it
    // read its output as already keyed: they chain to the miner in its thread, instead of each
    // receiving a serialised copy of every event through a shuffle
    KeyedStream<LogEvent, String> eventsByService =
        DataStreamUtils.reinterpretAsKeyedStream(events, LogEvent::service, Types.STRING);

    SingleOutputStreamOperator<ServiceWindow> windows =
        eventsByService
            .process(
                new ServiceWindowFunction(
                    settings.window().toMillis(), settings.maxSilentWindows()))
            .name("service-windows")
            .uid("service-windows")
            .setParallelism(settings.parallelism());

    DataStream<Anomaly> anomalies =
        windows
            .keyBy(ServiceWindow::service)
            .process(new BehaviourFunction(settings.detectors()))
            .name("detectors")
            .uid("detectors")
            .setParallelism(settings.parallelism());

    if (settings.sessions() != null) {
      SingleOutputStreamOperator<Anomaly> deviations = sessionStage(eventsByService, settings);
      anomalies = anomalies.union(deviations);
      // drift lines come from sessions keyed by session: sent to their service's shard
      eventEntries =
          eventEntries.union(
              deviations
                  .getSideOutput(SessionScoringFunction.DRIFT)
                  .keyBy(EventIndexEntry::service));
    }
    // one index shard per subtask, fed by forward edges from the miner's subtask of the same
    // services: a service's lines always reach the same shard, also when replayed after a failure
    eventEntries
        .sinkTo(eventSink)
        .name("event-index")
        .uid("event-index")
        .setParallelism(settings.parallelism());

    DataStream<ClassifiedEvent> worthCorrelating =
        eventsByService
            .process(
                new CorrelationInputFilter(
                    settings.topology() == null || !settings.topology().hasCalls()))
            .name("correlation-input")
            .uid("correlation-input")
            .setParallelism(settings.parallelism());

    SingleOutputStreamOperator<Incident> incidents =
        worthCorrelating
            .keyBy(classified -> DEFAULT_SCOPE)
            .connect(anomalies.keyBy(anomaly -> DEFAULT_SCOPE))
            .process(new CorrelationFunction(settings.rules(), settings.topology()))
            .name("correlation")
            .uid("correlation")
            .setParallelism(1);
    incidents.sinkTo(incidentSink).name("incident-index").uid("incident-index").setParallelism(1);
    return incidents;
  }

  /**
   * Lines with a session key, grouped into sessions by that key and judged by the registry's
   * champion once closed: the anomalies of sessions that depart from the usual path, and the
   * champion's drift events as a side output.
   */
  private static SingleOutputStreamOperator<Anomaly> sessionStage(
      KeyedStream<LogEvent, String> eventsByService, JobSettings settings) {
    return eventsByService
        .process(new SessionLines(settings.sessions().keyPattern()))
        .name("session-lines")
        .uid("session-lines")
        .setParallelism(settings.parallelism())
        .keyBy(SessionLine::getKey)
        .process(new SessionScoringFunction(settings.sessions()))
        .name("sessions")
        .uid("sessions")
        .setParallelism(settings.parallelism());
  }
}
