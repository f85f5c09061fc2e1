package dev.logrca.core.detect.session;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Evidence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns sessions a model flagged into anomalies for correlation, so that the service where traces
 * first leave their usual path is a root-cause candidate even when it logs no error. The anomaly
 * names that service and template; at most one is reported per service, template and {@value
 * #BUCKET_MILLIS} ms of departure time, since a fault bends many traces alike and each would say
 * the same. Not thread-safe: one per scoring operator.
 */
public final class DeviatingSessions {
  /** Departures of one service and template this close together make one anomaly. */
  public static final long BUCKET_MILLIS = 30_000;

  /** Lines of evidence per anomaly: the departure and the lines that follow it in the trace. */
  static final int MAX_EVIDENCE = 3;

  /** Buckets remembered; an older one reported again only repeats an id, which is idempotent. */
  private static final int REMEMBERED = 10_000;

  private final Map<String, Boolean> reported =
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };

  /**
   * The anomaly for {@code session}, judged by {@code judgement} and closed at event time {@code
   * closedAt}: empty when the session is usual, when no detector could tell where it departed, or
   * when its service, template and bucket were reported already.
   */
  public Optional<Anomaly> report(Session session, SessionJudgement judgement, long closedAt) {
    SessionEvent departure = judgement.departure();
    if (!judgement.anomalous() || departure == null) {
      return Optional.empty();
    }
    long bucket = departure.timestamp() - Math.floorMod(departure.timestamp(), BUCKET_MILLIS);
    String id =
        Anomaly.idOf(
            departure.service(), AnomalyKind.SESSION_DEVIATION, bucket, departure.template());
    if (reported.putIfAbsent(id, Boolean.TRUE) != null) {
      return Optional.empty();
    }
    long votes = judgement.verdicts().values().stream().filter(Verdict::anomalous).count();
    double score = votes / (double) judgement.verdicts().size();
    return Optional.of(
        new Anomaly(
            id,
            departure.service(),
            AnomalyKind.SESSION_DEVIATION,
            departure.timestamp(),
            Math.max(closedAt, departure.timestamp() + 1),
            departure.template(),
            departure.message(), // the line stands for its template's text, which it fits
            score,
            votes,
            judgement.verdicts().size(),
            evidence(session, departure)));
  }

  /** The detectors' reasons in words: what made the session unusual, for the operator's log. */
  public static String reasons(SessionJudgement judgement) {
    List<String> parts = new ArrayList<>();
    judgement
        .verdicts()
        .forEach(
            (name, v) -> {
              if (v.anomalous()) {
                parts.add(name + ": " + v.reason());
              }
            });
    return String.join("; ", parts);
  }

  /** The departure and the lines of the same service that follow it in the session. */
  private static List<Evidence> evidence(Session session, SessionEvent departure) {
    List<Evidence> lines = new ArrayList<>();
    boolean from = false;
    for (SessionEvent e : session.events()) {
      from |= e.equals(departure);
      if (from && e.service().equals(departure.service()) && lines.size() < MAX_EVIDENCE) {
        lines.add(new Evidence(e.timestamp(), e.service(), e.template(), e.message(), e.eventId()));
      }
    }
    return lines;
  }
}
