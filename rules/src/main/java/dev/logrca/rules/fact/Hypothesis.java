package dev.logrca.rules.fact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.type.Expires;
import org.kie.api.definition.type.Role;
import org.kie.api.definition.type.Timestamp;

/**
 * A rule's conclusion: this service probably failed in this way, this sure, seen from then to then,
 * because of these lines. Rules insert one per firing; equal conclusions (same service, category
 * and rule) merge, and merging is idempotent so a replayed line changes nothing.
 */
@Role(Role.Type.EVENT)
@Timestamp("lastSeen")
@Expires("30m")
public final class Hypothesis implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Evidence lines kept per hypothesis: the earliest ones, which show how it started. */
  public static final int MAX_EVIDENCE = 10;

  /** Distinct supporting lines counted per hypothesis before the count saturates. */
  public static final int MAX_SUPPORT = 200;

  private final String service;
  private final String category;
  private final String rule;
  private double confidence;
  private long firstSeen;
  long lastSeen;
  private String detail;
  final TreeSet<EvidenceLine> evidence = new TreeSet<>(EvidenceLine.EARLIEST_FIRST);
  final TreeSet<String> support = new TreeSet<>();

  /** The merge rule joins on the key for every pair of hypotheses: built once, not per join. */
  private transient String key;

  /** A conclusion with no evidence yet, seen at {@code time}. */
  public Hypothesis(
      String rule, String category, String service, double confidence, String detail, long time) {
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    this.rule = rule;
    this.category = category;
    this.service = service;
    this.confidence = confidence;
    this.detail = detail;
    this.firstSeen = time;
    this.lastSeen = time;
  }

  /** A conclusion drawn from {@code lines}; its time span is theirs. */
  public static Hypothesis fromLines(
      String rule,
      String category,
      String service,
      double confidence,
      String detail,
      List<LogFact> lines) {
    long first = lines.stream().mapToLong(LogFact::getTimestamp).min().orElseThrow();
    Hypothesis h = new Hypothesis(rule, category, service, confidence, detail, first);
    lines.forEach(h::addFact);
    return h;
  }

  /** A conclusion drawn from one line. */
  public static Hypothesis fromLine(
      String rule,
      String category,
      String service,
      double confidence,
      String detail,
      LogFact line) {
    return fromLines(rule, category, service, confidence, detail, List.of(line));
  }

  /** A conclusion drawn from a line and an anomaly that backs it up. */
  public static Hypothesis fromLineAndAnomaly(
      String rule,
      String category,
      String service,
      double confidence,
      String detail,
      LogFact line,
      AnomalyFact anomaly) {
    Hypothesis h = fromLine(rule, category, service, confidence, detail, line);
    h.firstSeen = Math.min(h.firstSeen, anomaly.getTimestamp());
    h.lastSeen = Math.max(h.lastSeen, anomaly.getTimestamp());
    anomaly.getEvidence().forEach(h::addLine);
    return h;
  }

  /**
   * A conclusion drawn from an anomaly alone, such as durations that grew many times longer; its
   * time span is that of the lines the anomaly cites (the window's start when it cites none).
   */
  public static Hypothesis fromAnomaly(
      String rule,
      String category,
      String service,
      double confidence,
      String detail,
      AnomalyFact anomaly) {
    Hypothesis h =
        new Hypothesis(rule, category, service, confidence, detail, anomaly.getFirstSign());
    anomaly.getEvidence().forEach(h::addLine);
    return h;
  }

  /** Adds a supporting line and widens the time span to cover it. */
  public void addLine(EvidenceLine line) {
    support.add(line.identity());
    BoundedSets.keepLeast(support, MAX_SUPPORT);
    evidence.add(line);
    BoundedSets.keepLeast(evidence, MAX_EVIDENCE);
    firstSeen = Math.min(firstSeen, line.timestamp());
    lastSeen = Math.max(lastSeen, line.timestamp());
  }

  /**
   * Adds the lines a fact stands for: its kept sample, the identities of all of them (up to {@link
   * #MAX_SUPPORT}) and the span from its first to its last line.
   */
  public void addFact(LogFact fact) {
    fact.getSample().forEach(this::addLine);
    support.addAll(fact.supportIds());
    BoundedSets.keepLeast(support, MAX_SUPPORT);
    lastSeen = Math.max(lastSeen, fact.getLastTimestamp());
  }

  /** Folds an equal conclusion into this one; absorbing the same thing twice changes nothing. */
  public void absorb(Hypothesis other) {
    if (!other.key().equals(key())) {
      throw new IllegalArgumentException("cannot merge " + other.key() + " into " + key());
    }
    // the stronger conclusion's wording wins; equal ones pick by text so merge order is irrelevant
    boolean otherWins =
        other.confidence > confidence
            || (other.confidence == confidence
                && other.detail != null
                && (detail == null || other.detail.compareTo(detail) < 0));
    if (otherWins) {
      confidence = other.confidence;
      detail = other.detail;
    }
    firstSeen = Math.min(firstSeen, other.firstSeen);
    lastSeen = Math.max(lastSeen, other.lastSeen);
    other.evidence.forEach(this::addLine);
    support.addAll(other.support);
    BoundedSets.keepLeast(support, MAX_SUPPORT);
  }

  /** An independent copy, for state that must not change when the session does. */
  public Hypothesis copy() {
    Hypothesis h = new Hypothesis(rule, category, service, confidence, detail, firstSeen);
    h.absorb(this);
    return h;
  }

  /** What makes two conclusions the same: service, category and rule. */
  public String key() {
    if (key == null) {
      key = service + "|" + category + "|" + rule;
    }
    return key;
  }

  public String getKey() {
    return key();
  }

  public String getService() {
    return service;
  }

  /** The root-cause category id, e.g. {@code dependency.down}. */
  public String getCategory() {
    return category;
  }

  public String getRule() {
    return rule;
  }

  public double getConfidence() {
    return confidence;
  }

  public long getFirstSeen() {
    return firstSeen;
  }

  public long getLastSeen() {
    return lastSeen;
  }

  public String getDetail() {
    return detail;
  }

  /** The earliest supporting lines, earliest first. */
  public List<EvidenceLine> getEvidence() {
    return new ArrayList<>(evidence);
  }

  /** How many distinct lines support it (saturates at {@link #MAX_SUPPORT}). */
  public int getSupport() {
    return support.size();
  }

  /** The ids of the distinct supporting lines (at most {@link #MAX_SUPPORT}). */
  public Set<String> supportIds() {
    return new TreeSet<>(support);
  }

  /** True when some of its evidence is the blamed service's own line, not a caller's complaint. */
  public boolean selfReported() {
    return evidence.stream().anyMatch(e -> service.equals(e.service()));
  }

  /** The blamed service and every service whose lines support the conclusion. */
  public Set<String> services() {
    Set<String> services = new TreeSet<>();
    services.add(service);
    evidence.forEach(e -> services.add(e.service()));
    return services;
  }

  @Override
  public String toString() {
    return "Hypothesis[" + key() + " " + confidence + " x" + support.size() + "]";
  }
}
