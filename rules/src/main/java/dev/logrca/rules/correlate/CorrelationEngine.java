package dev.logrca.rules.correlate;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.incident.IncidentBuilder;
import dev.logrca.rules.signature.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Correlates log lines and anomalies, in event-time order, into incidents with ranked root causes.
 * Notable lines (WARN or worse, a known failure signature, a new template) become facts for the
 * rules; every line teaches which services are alive. Time moves only through the events and {@link
 * #advanceTo}, so a replay gives the same incidents. Not thread-safe: one caller at a time.
 */
public final class CorrelationEngine {
  private final CorrelationConfig config;
  private final KnownTopology topology;
  private final ServiceActivity activity;
  private final Suspects suspects;
  private final IncidentBuilder incidents;
  private final CorrelationSession session;
  private final StackTraceFolder folder;
  private final List<AnomalyFact> pendingAnomalies = new ArrayList<>();
  private final RepeatedLines repeated;
  private long clock;

  /** How a line's signatures are found when they did not come with it; tests count the calls. */
  Function<String, Set<String>> signatures = Signatures::find;

  /**
   * An engine on {@code pack}. When {@code topology} is empty it uses whatever is passed to {@link
   * #observeTopology}; otherwise the given topology wins.
   *
   * @throws dev.logrca.rules.RuleCompilationException when the pack does not compile
   */
  public CorrelationEngine(RulePack pack, Topology topology, CorrelationConfig config) {
    this(pack.compile(), topology, config);
  }

  /** An engine on rules compiled already (compiling takes seconds; share them). */
  public CorrelationEngine(CompiledRules rules, Topology topology, CorrelationConfig config) {
    this(
        rules,
        config,
        KnownTopology.copy(topology),
        new Topology(),
        new ServiceActivity(),
        new IncidentBuilder(config),
        new StackTraceFolder(),
        new RepeatedLines(),
        Long.MIN_VALUE);
  }

  private CorrelationEngine(
      CompiledRules rules,
      CorrelationConfig config,
      Topology configured,
      Topology observed,
      ServiceActivity activity,
      IncidentBuilder incidents,
      StackTraceFolder folder,
      RepeatedLines repeated,
      long clock) {
    this.folder = folder;
    this.repeated = repeated;
    this.config = config;
    this.topology = new KnownTopology(configured, observed);
    this.activity = activity;
    this.incidents = incidents;
    this.suspects = new Suspects(activity, config);
    this.session = new CorrelationSession(rules);
    this.clock = clock;
    if (clock != Long.MIN_VALUE) {
      moveClock(clock);
    }
    session.insertCalls(topology());
  }

  /**
   * The calls the engine currently believes in: the configured topology when it has calls, else the
   * observed one with the services a configured catalogue lists.
   */
  public Topology topology() {
    return topology.current();
  }

  /**
   * Replaces the inferred call graph (used only when the configured topology has no calls; the
   * services such a catalogue lists stay known).
   */
  public void observeTopology(Topology inferred) {
    topology.observe(inferred);
    session.insertCalls(topology());
  }

  /**
   * One log line, in event-time order. A line that continues a multi-line event (a stack trace) is
   * judged with the line that started it; each line is held until the next line of its source shows
   * whether more of it follows.
   */
  public void onEvent(LogEvent event) {
    onEvent(event, null);
  }

  /**
   * As {@link #onEvent(LogEvent)}, with the signatures of the line's own message found upstream
   * ({@code Signatures.find(event.message())}), so the engine need not match them again; null when
   * they were not looked for. A multi-line event is matched again as a whole, since its signatures
   * come from every part of it.
   */
  public void onEvent(LogEvent event, Set<String> signals) {
    if (event.service() == null) {
      // the decoder always names a service (file name at worst); a line without one blames nobody
      return;
    }
    activity.record(event);
    moveClock(event.timestamp());
    if (folder.absorb(event)) {
      return;
    }
    StackTraceFolder.Pending completed = folder.hold(event, signals);
    if (completed != null) {
      judge(completed);
    }
  }

  /** Turns a complete event into a fact for the rules when it is notable. */
  private void judge(StackTraceFolder.Pending pending) {
    LogEvent event = pending.head;
    String text = pending.text();
    Set<String> signals =
        pending.signals != null && !pending.hasMore()
            ? new TreeSet<>(pending.signals)
            : signatures.apply(text);
    if (!event.level().isWarnOrWorse() && signals.isEmpty() && !event.newTemplate()) {
      return;
    }
    if (event.level().isError() || !signals.isEmpty()) {
      // a plain warning or a new template is too common on healthy services to keep one open
      incidents.noteTrouble(event.service(), event.timestamp());
    }
    Suspects.Blame blame = suspects.of(event, text, pending.hasMore(), signals, topology(), clock);
    if (repeated.secondOver(event.timestamp())) {
      insertRepeated();
    }
    long age = activity.age(event.service(), event.timestamp());
    repeated.add(
        event,
        signals,
        blame.target(),
        blame.dependency(),
        blame.known(),
        () -> new LogFact(event, signals, blame.target(), blame.dependency(), blame.known(), age));
  }

  /**
   * Hands the folded lines of the second that is over to the rules, one fact per key. Rules over
   * sliding windows must see each fact before the window moves on, so they fire after each.
   */
  private void insertRepeated() {
    for (LogFact fact : repeated.drain()) {
      session.insertAndFire(fact);
    }
  }

  /** Judges the held events that started before {@code time}: no more of them can follow. */
  private void judgeHeldBefore(long time) {
    folder.takeBefore(time).forEach(this::judge);
    insertRepeated();
  }

  /** One anomaly from the detectors. */
  public void onAnomaly(Anomaly anomaly) {
    // the lines before it go first, as they came
    insertRepeated();
    AnomalyFact fact = new AnomalyFact(anomaly);
    session.insert(fact);
    pendingAnomalies.add(fact);
    session.fire();
  }

  /** Moves event time to {@code eventTimeMillis} and returns incidents created or changed since. */
  public List<Incident> advanceTo(long eventTimeMillis) {
    moveClock(eventTimeMillis);
    judgeHeldBefore(eventTimeMillis);
    session.fire();
    List<Incident> changed =
        incidents.update(
            session.drainHypotheses(), List.copyOf(pendingAnomalies), topology(), clock);
    pendingAnomalies.clear();
    return changed;
  }

  /** End of input: every open incident is final and returned; the engine stays usable. */
  public List<Incident> finish() {
    judgeHeldBefore(Long.MAX_VALUE);
    session.fire();
    List<Incident> all =
        incidents.finish(
            session.drainHypotheses(), List.copyOf(pendingAnomalies), topology(), clock);
    pendingAnomalies.clear();
    return all;
  }

  /** A copy of everything needed to continue later with {@link #restore}. */
  public CorrelationState snapshot() {
    return liveState().deepCopy();
  }

  /** The engine's own state, not copied: for a copy, or a test to compare a copy with. */
  CorrelationState liveState() {
    LiveFacts live = session.liveFacts();
    return new CorrelationState(
        clock,
        config,
        topology.configured(),
        topology.observed(),
        live.logs,
        live.anomalies,
        session.pendingHypotheses(),
        pendingAnomalies,
        activity,
        incidents,
        folder,
        repeated);
  }

  /** An engine that continues from {@code state}, its session rebuilt from the live facts. */
  public static CorrelationEngine restore(RulePack pack, CorrelationState state) {
    return restore(pack.compile(), state);
  }

  /** As {@link #restore(RulePack, CorrelationState)}, on rules compiled already. */
  public static CorrelationEngine restore(CompiledRules rules, CorrelationState saved) {
    CorrelationState state = saved.deepCopy();
    CorrelationEngine engine =
        new CorrelationEngine(
            rules,
            state.config,
            state.configured,
            state.observed,
            state.activity,
            state.incidents,
            state.folder,
            state.repeated == null ? new RepeatedLines() : state.repeated,
            state.clock);
    engine.session.resume(state.logs, state.anomalies, state.unreported);
    engine.pendingAnomalies.addAll(state.pendingAnomalies);
    return engine;
  }

  /** Also tells {@code listener} which rules fire (rule tests measure their coverage with it). */
  public void addEventListener(AgendaEventListener listener) {
    session.addEventListener(listener);
  }

  /** Also tells {@code listener} which facts the rules insert, change and delete. */
  public void addEventListener(RuleRuntimeEventListener listener) {
    session.addEventListener(listener);
  }

  /** Releases the rule session; the engine cannot be used afterwards. */
  public void close() {
    session.close();
  }

  /** The compiled rules this engine runs. */
  public CompiledRules rules() {
    return session.rules();
  }

  /**
   * Runs {@code replacement} from now on, keeping every live fact, pending conclusion and open
   * incident (with its id). The session is rebuilt from the live facts; what the new rules conclude
   * from them that the old rules do not is reported by the next {@link #advanceTo}, and later facts
   * meet only the new rules.
   */
  public void replaceRules(CompiledRules replacement) {
    // conclusions the old rules still owe join the pending ones before their session goes
    insertRepeated();
    session.replaceRules(replacement);
  }

  private void moveClock(long time) {
    session.advanceClockTo(time);
    clock = Math.max(clock, time);
  }
}
