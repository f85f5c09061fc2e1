package dev.logrca.rules.fact;

import dev.logrca.core.model.Level;
import dev.logrca.core.model.LogEvent;
import dev.logrca.rules.signature.Signatures;
import java.io.Serializable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * A notable log line as a rule sees it: who logged what, the failure signatures it matches, and the
 * dependency it names (already mapped to a known service when possible).
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
  private final boolean dependencyKnown;
  private final long serviceAge;

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

  @Override
  public String toString() {
    return "LogFact[" + service + " " + level + " " + signals + " -> " + dependency + "]";
  }
}
