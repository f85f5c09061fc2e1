package dev.logrca.core.detect.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SessionizerTest {
  private static SessionEvent at(long t, String template) {
    return new SessionEvent(t, "svc", template, template + " at " + t);
  }

  @Test
  void closesASessionOnceEventTimeMovesPastItsInactivityGap() {
    Sessionizer sessions = new Sessionizer(1_000);
    assertThat(sessions.add("a", at(0, "open"))).isEmpty();
    assertThat(sessions.add("b", at(100, "open"))).isEmpty();
    assertThat(sessions.add("a", at(900, "close"))).isEmpty();
    // b went quiet at 100; at 1,200 it has been idle longer than the gap, a has not
    List<Session> closed = sessions.add("c", at(1_200, "open"));
    assertThat(closed).extracting(Session::key).containsExactly("b");
    assertThat(sessions.openSessions()).isEqualTo(2);

    List<Session> rest = sessions.closeAll();
    assertThat(rest).extracting(Session::key).containsExactly("a", "c");
    assertThat(rest.get(0).events())
        .extracting(SessionEvent::template)
        .containsExactly("open", "close");
    assertThat(rest.get(0).templateCounts()).containsEntry("open", 1).containsEntry("close", 1);
    assertThat(sessions.openSessions()).isZero();
  }

  @Test
  void aLateLineStillJoinsItsOpenSession() {
    Sessionizer sessions = new Sessionizer(1_000);
    sessions.add("a", at(500, "open"));
    sessions.add("a", at(400, "late"));
    Session a = sessions.closeAll().get(0);
    assertThat(a.start()).isEqualTo(400);
    assertThat(a.end()).isEqualTo(500);
  }

  @Test
  void aGapOfZeroIsRefused() {
    assertThatThrownBy(() -> new Sessionizer(0)).hasMessageContaining("inactivity gap");
  }
}
