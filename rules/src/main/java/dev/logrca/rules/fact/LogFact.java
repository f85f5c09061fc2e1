package dev.logrca.rules.fact;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.signature.Signatures;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * A notable log line as a rule sees it: who logged what, the failure signatures it matches, and the
 * dependency it names (already mapped to a known service when possible). The engine folds the lines
 * of one second that a rule cannot tell apart into one fact: {@link #getRepeats} says how many
 * lines it stands for, and it keeps a bounded sample of them as evidence.
 */
@Role(Role.Type.EVENT)
@Timestamp("timestamp")
@Expires("10m")
public final class LogFact implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String service;
  private final String host;
  private final long timestamp;
  private final Level level;
  private final String templateId;
  private final String template;
  private final String message;
  private final String eventId;
  private final String traceId;
  private final boolean newTemplate;
  private final TreeSet<String> signals;
  private final String target;
  private final String dependency;
  final boolean dependencyKnown;
  private final long serviceAge;

  /** Lines folded into this fact, this one included. */
  int repeats = 1;

  long lastTimestamp;

  /** The earliest lines folded in (at most {@link Hypothesis#MAX_EVIDENCE}), earliest first. */
  TreeSet<EvidenceLine> earliest;

  /** The latest lines folded in (at most {@link #LATEST_KEPT}), oldest first. */
  ArrayDeque<EvidenceLine> latest;

  /** Identities of the folded lines, the least {@link Hypothesis#MAX_SUPPORT} of them. */
  TreeSet<String> support;

  /** How many of the latest folded lines a fact keeps beside the earliest ones. */
  public static final int LATEST_KEPT = 10;

  /**
   * A fact for {@code event}, with its signatures, the peer it names and that peer's service, which
   * counts as one of the system's own services.
   */
  public LogFact(LogEvent event, Set<String> signals, String target, String dependency) {
    this(event, signals, target, dependency, dependency != null);
  }

  /**
   * As {@link #LogFact(LogEvent, Set, String, String)}, saying whether the dependency is one of the
   * system's own services (it logs, or the topology names it) rather than an outside host.
   */
  public LogFact(
      LogEvent event,
      Set<String> signals,
      String target,
      String dependency,
      boolean dependencyKnown) {
    this(event, signals, target, dependency, dependencyKnown, Long.MAX_VALUE);
  }

  /**
   * As {@link #LogFact(LogEvent, Set, String, String, boolean)}, saying how long the line's service
   * had been logging when it came ({@link #getServiceAge}).
   */
  public LogFact(
      LogEvent event,
      Set<String> signals,
      String target,
      String dependency,
      boolean dependencyKnown,
      long serviceAge) {
    this.service = event.service();
    this.host = event.record().host();
    this.timestamp = event.timestamp();
    this.level = event.level();
    this.templateId = event.templateId();
    this.template = event.template();
    this.message = event.message();
    this.eventId = event.eventId();
    this.traceId = event.record().traceId();
    this.newTemplate = event.newTemplate();
    this.signals = new TreeSet<>(signals);
    this.target = target;
    this.dependency = dependency;
    this.dependencyKnown = dependency != null && dependencyKnown;
    this.serviceAge = serviceAge;
    this.lastTimestamp = timestamp;
    initSample();
  }

  private void initSample() {
    EvidenceLine own = toEvidence();
    earliest = new TreeSet<>(EvidenceLine.EARLIEST_FIRST);
    earliest.add(own);
    latest = new ArrayDeque<>();
    latest.add(own);
    support = new TreeSet<>();
    support.add(own.identity());
  }

  /**
   * Folds another line that rules cannot tell apart from this one (same service, host, level,
   * template, signatures and peer, within the same second) into this fact: it counts it and keeps
   * it when it is among the earliest, the latest or the least identities. The engine updates the
   * rule session once afterwards, not per line.
   */
  public void fold(LogEvent event) {
    repeats++;
    lastTimestamp = Math.max(lastTimestamp, event.timestamp());
    EvidenceLine line = EvidenceLine.of(event);
    earliest.add(line);
    BoundedSets.keepLeast(earliest, Hypothesis.MAX_EVIDENCE);
    latest.addLast(line);
    if (latest.size() > LATEST_KEPT) {
      latest.pollFirst();
    }
    support.add(line.identity());
    BoundedSets.keepLeast(support, Hypothesis.MAX_SUPPORT);
  }

  public String getService() {
    return service;
  }

  public String getHost() {
    return host;
  }

  public long getTimestamp() {
    return timestamp;
  }

  public Level getLevel() {
    return level;
  }

  public String getTemplateId() {
    return templateId;
  }

  public String getTemplate() {
    return template;
  }

  public String getMessage() {
    return message;
  }

  public String getEventId() {
    return eventId;
  }

  public String getTraceId() {
    return traceId;
  }

  public boolean isNewTemplate() {
    return newTemplate;
  }

  /** The names of the {@link Signatures} this line matches. */
  public Set<String> getSignals() {
    return Collections.unmodifiableSet(signals);
  }

  /** The host or process the line names as its failing peer, or null. */
  public String getTarget() {
    return target;
  }

  /** The service the line blames, mapped from {@link #getTarget} or the topology, or null. */
  public String getDependency() {
    return dependency;
  }

  /** The dependency the line blames, or its own service when it names none. */
  public String getSuspect() {
    return dependency != null ? dependency : service;
  }

  /**
   * The dependency the line blames when it is one of the system's own services, else the line's
   * service: an outside host (a card processor's API) cannot be looked into, and the service that
   * depends on it is where an operator acts.
   */
  public String getOwnSuspect() {
    return dependencyKnown ? dependency : service;
  }

  /**
   * How long, in event-time milliseconds, the line's service had been logging when the line came:
   * in a service's first minutes every template is new, so "new" says little. Unbounded for a fact
   * made outside an engine, which cannot know.
   */
  public long getServiceAge() {
    return serviceAge;
  }

  /**
   * ERROR or FATAL; or, for a line that carries no level (Go's standard {@code log}, which net/http
   * writes "http: panic serving ..." through; a program's stderr), one that reports a crash or an
   * exception.
   */
  public boolean isError() {
    return level.isError()
        || (level == Level.UNKNOWN
            && (signals.contains(Signatures.CRASH) || signals.contains(Signatures.EXCEPTION)));
  }

  /** TRACE, DEBUG or INFO: a line its author did not think was a problem. */
  public boolean isRoutine() {
    return level == Level.TRACE || level == Level.DEBUG || level == Level.INFO;
  }

  /** True when the line matches a signature that names a cause, not just an exception. */
  public boolean isExplained() {
    return signals.stream()
        .anyMatch(s -> !s.equals(Signatures.EXCEPTION) && !s.equals(Signatures.RELEASE));
  }

  /** The line as evidence. */
  public EvidenceLine toEvidence() {
    return new EvidenceLine(timestamp, service, templateId, message, eventId);
  }

  /**
   * How many lines this fact stands for (1 unless the engine folded repeats into it): a rule that
   * counts lines sums it, {@code sum( $r )} over {@code LogFact( ..., $r : repeats )}.
   */
  public int getRepeats() {
    return repeats;
  }

  /** The time of the latest line folded in ({@link #getTimestamp} when there is only one). */
  public long getLastTimestamp() {
    return lastTimestamp;
  }

  /** The kept sample of its lines: the earliest and the latest, earliest first. */
  public List<EvidenceLine> getSample() {
    TreeSet<EvidenceLine> lines = new TreeSet<>(EvidenceLine.EARLIEST_FIRST);
    lines.addAll(earliest);
    lines.addAll(latest);
    return new ArrayList<>(lines);
  }

  /** Identities of the lines it stands for (the least {@link Hypothesis#MAX_SUPPORT}). */
  Set<String> supportIds() {
    return Collections.unmodifiableSet(support);
  }

  /** A fact saved before folding existed stands for its own line alone. */
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    if (earliest == null) {
      repeats = 1;
      lastTimestamp = timestamp;
      initSample();
    }
  }

  @Override
  public String toString() {
    return "LogFact["
        + service
        + " "
        + level
        + " "
        + signals
        + " -> "
        + dependency
        + (repeats > 1 ? " x" + repeats : "")
        + "]";
  }
}
