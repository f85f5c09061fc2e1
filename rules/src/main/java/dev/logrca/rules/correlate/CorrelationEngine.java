package dev.logrca.rules.correlate;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.Incident;
import dev.logrca.core.model.LogEvent;
import dev.logrca.core.topology.Topology;
import dev.logrca.rules.CompiledRules;
import dev.logrca.rules.RulePack;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Calls;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.incident.IncidentBuilder;
import dev.logrca.rules.signature.Signatures;
import dev.logrca.rules.signature.Targets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * Correlates log lines and anomalies, in event-time order, into incidents with ranked root causes.
 * Notable lines (WARN or worse, a known failure signature, a new template) become facts for the
 * rules; every line teaches which services are alive. Time moves only through the events and {@link
 * #advanceTo}, so a replay gives the same incidents. Not thread-safe: one caller at a time.
 */
public final class CorrelationEngine {
  private CompiledRules rules;
  private final CorrelationConfig config;
  private final Topology configured;
  private Topology observed;
  private final ServiceActivity activity;
  private final DependencyResolver resolver;
  private final IncidentBuilder incidents;
  private KieSession session;
  private final HypothesisCollector collector = new HypothesisCollector();
  private final StackTraceFolder folder;
  private final List<AnomalyFact> pendingAnomalies = new ArrayList<>();
  private final Set<Calls> insertedCalls = new HashSet<>();
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
        copy(topology),
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
    this.rules = rules;
    this.folder = folder;
    this.repeated = repeated;
    this.config = config;
    this.configured = configured;
    this.observed = observed;
    configured.services().forEach(observed::addService);
    this.activity = activity;
    this.incidents = incidents;
    this.resolver = new DependencyResolver(activity, config);
    this.session = rules.newSession();
    this.session.addEventListener(collector);
    this.clock = clock;
    if (clock != Long.MIN_VALUE) {
      moveClock(clock);
    }
    insertCalls();
  }

  /**
   * The calls the engine currently believes in: the configured topology when it has calls, else the
   * observed one with the services a configured catalogue lists.
   */
  public Topology topology() {
    return configured.hasCalls() ? configured : observed;
  }

  /**
   * Replaces the inferred call graph (used only when the configured topology has no calls; the
   * services such a catalogue lists stay known).
   */
  public void observeTopology(Topology inferred) {
    this.observed = copy(inferred);
    configured.services().forEach(observed::addService);
    insertCalls();
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
    String target = Targets.find(event.message());
    if (target == null && pending.hasMore()) {
      target = Targets.find(text);
    }
    boolean askTopology =
        signals.stream().anyMatch(Signatures.DEPENDENCY_FACING::contains)
            || (signals.contains(Signatures.SHUTDOWN) && signals.contains(Signatures.EXCEPTION));
    // the whole event, stack trace included: "Stock lookup failed" names nobody, its
    // "org.postgresql.util.PSQLException ... NoRouteToHostException" names the server
    String dependency =
        signals.isEmpty()
            ? null
            : resolver.resolve(event.service(), target, text, askTopology, topology(), clock);
    // an address nobody could map is still a peer inside the system; a name that never logged
    // and is not in the topology is an outside host
    boolean known =
        dependency != null
            && (activity.knows(dependency)
                || topology().services().contains(dependency)
                || DependencyResolver.isUnresolvedHost(dependency));
    if (repeated.secondOver(event.timestamp())) {
      insertRepeated();
    }
    String peer = target;
    long age = activity.age(event.service(), event.timestamp());
    repeated.add(
        event,
        signals,
        peer,
        dependency,
        known,
        () -> new LogFact(event, signals, peer, dependency, known, age));
  }

  /**
   * Hands the folded lines of the second that is over to the rules, one fact per key. Rules over
   * sliding windows must see each fact before the window moves on, so they fire after each.
   */
  private void insertRepeated() {
    for (LogFact fact : repeated.drain()) {
      session.insert(fact);
      session.fireAllRules();
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
    session.fireAllRules();
  }

  /** Moves event time to {@code eventTimeMillis} and returns incidents created or changed since. */
  public List<Incident> advanceTo(long eventTimeMillis) {
    moveClock(eventTimeMillis);
    judgeHeldBefore(eventTimeMillis);
    session.fireAllRules();
    List<Incident> changed =
        incidents.update(drainHypotheses(), List.copyOf(pendingAnomalies), topology(), clock);
    pendingAnomalies.clear();
    return changed;
  }

  /** End of input: every open incident is final and returned; the engine stays usable. */
  public List<Incident> finish() {
    judgeHeldBefore(Long.MAX_VALUE);
    session.fireAllRules();
    List<Incident> all =
        incidents.finish(drainHypotheses(), List.copyOf(pendingAnomalies), topology(), clock);
    pendingAnomalies.clear();
    return all;
  }

  /** A copy of everything needed to continue later with {@link #restore}. */
  public CorrelationState snapshot() {
    List<LogFact> logs = new ArrayList<>();
    List<AnomalyFact> anomalies = new ArrayList<>();
    for (Object fact : session.getObjects()) {
      if (fact instanceof LogFact l) {
        logs.add(l);
      } else if (fact instanceof AnomalyFact a) {
        anomalies.add(a);
      }
    }
    logs.sort(
        Comparator.comparingLong(LogFact::getTimestamp)
            .thenComparing(LogFact::getEventId, Comparator.nullsFirst(Comparator.naturalOrder())));
    anomalies.sort(
        Comparator.comparingLong(AnomalyFact::getTimestamp).thenComparing(AnomalyFact::getId));
    return new CorrelationState(
            clock,
            config,
            configured,
            observed,
            logs,
            anomalies,
            collector.pending(),
            pendingAnomalies,
            activity,
            incidents,
            folder,
            repeated)
        .deepCopy();
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
    state.logs.forEach(engine.session::insert);
    state.anomalies.forEach(engine.session::insert);
    engine.session.fireAllRules();
    // the rules just concluded again what was already reported before the snapshot
    engine.drainHypotheses();
    engine.collector.restore(state.unreported);
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
    session.dispose();
  }

  /** The compiled rules this engine runs. */
  public CompiledRules rules() {
    return rules;
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
    session.fireAllRules();
    RuleReplacement move = new RuleReplacement(session);
    List<Hypothesis> before = move.conclusions(rules);
    HypothesisCollector fresh = new HypothesisCollector();
    KieSession next = move.rebuild(replacement, fresh);
    next.addEventListener(collector);
    collector.restore(RuleReplacement.news(fresh.drain(), before));
    session.dispose();
    session = next;
    rules = replacement;
  }

  /** Hypotheses changed since the last call; the incident builder owns them from here on. */
  private List<Hypothesis> drainHypotheses() {
    List<Hypothesis> changed = collector.drain();
    // a class filter reads the hypotheses' own store, not every live line (Drools' object store)
    for (FactHandle handle :
        new ArrayList<FactHandle>(
            session.getFactHandles(new ClassObjectFilter(Hypothesis.class)))) {
      session.delete(handle);
    }
    return changed;
  }

  private void moveClock(long time) {
    SessionPseudoClock pseudo = session.getSessionClock();
    long delta = time - pseudo.getCurrentTime();
    if (delta > 0) {
      pseudo.advanceTime(delta, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    clock = Math.max(clock, time);
  }

  private void insertCalls() {
    Topology current = topology();
    for (String caller : current.services()) {
      for (String callee : current.callees(caller)) {
        Calls call = new Calls(caller, callee);
        if (insertedCalls.add(call)) {
          session.insert(call);
        }
      }
    }
  }

  private static Topology copy(Topology topology) {
    Topology copy = new Topology();
    if (topology != null) {
      for (String service : topology.services()) {
        copy.addService(service);
        topology.callees(service).forEach(callee -> copy.addCall(service, callee));
      }
    }
    return copy;
  }
}
