package dev.logrca.core.detect.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logrca.core.model.Anomaly;
import dev.logrca.core.model.AnomalyKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flagged sessions become anomalies at their departure, one per service, template and 30 s. */
class DeviatingSessionsTest {
  private static final long T = 1_800_000_000_000L; // on a 30 s boundary

  private static Session trace(String key, long at) {
    return Session.of(
        key,
        List.of(
            new SessionEvent(at, "cart", "cart:1", "cart loaded", key + "/1"),
            new SessionEvent(at + 5, "payment", "payment:2", "attempt 1 declined", key + "/2"),
            new SessionEvent(at + 6, "order", "order:4", "order stored", key + "/3"),
            new SessionEvent(at + 9, "payment", "payment:3", "payment authorised", key + "/4")));
  }

  private static SessionJudgement judged(Session s, int votes, boolean placed) {
    Map<String, Verdict> verdicts = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      verdicts.put(
          "d" + i, i < votes ? new Verdict(true, 1, 0, "why " + i, null) : Verdict.usual(0, 1));
    }
    return new SessionJudgement(s.key(), verdicts, votes >= 2, placed ? s.events().get(1) : null);
  }

  @Test
  void aFlaggedSessionNamesWhereItDepartsWithTheFollowingLinesOfThatService() {
    Session s = trace("t1", T + 1_000);
    Anomaly a = new DeviatingSessions().report(s, judged(s, 4, true), T + 40_000).orElseThrow();

    assertThat(a.kind()).isEqualTo(AnomalyKind.SESSION_DEVIATION);
    assertThat(a.service()).isEqualTo("payment");
    assertThat(a.templateId()).isEqualTo("payment:2");
    assertThat(a.score()).isEqualTo(0.8);
    assertThat(a.windowStart()).isEqualTo(T + 1_005);
    assertThat(a.windowEnd()).isEqualTo(T + 40_000);
    assertThat(a.evidence()).extracting(e -> e.eventId()).containsExactly("t1/2", "t1/4");
  }

  @Test
  void usualOrUnplacedSessionsAndRepeatsWithinThirtySecondsReportNothing() {
    DeviatingSessions deviations = new DeviatingSessions();
    Session first = trace("t1", T);
    assertThat(deviations.report(first, judged(first, 1, true), T + 40_000)).isEmpty();
    assertThat(deviations.report(first, judged(first, 3, false), T + 40_000)).isEmpty();
    assertThat(deviations.report(first, judged(first, 3, true), T + 40_000)).isPresent();
    Session again = trace("t2", T + 20_000);
    assertThat(deviations.report(again, judged(again, 3, true), T + 60_000)).isEmpty();
    Session later = trace("t3", T + 30_000);
    assertThat(deviations.report(later, judged(later, 3, true), T + 70_000)).isPresent();
  }
}
