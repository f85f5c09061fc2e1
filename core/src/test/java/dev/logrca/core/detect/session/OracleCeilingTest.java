package dev.logrca.core.detect.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.logrca.core.detect.session.OracleCeiling.Ceiling;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OracleCeilingTest {
  private final List<Session> sessions = new ArrayList<>();
  private final List<Boolean> labels = new ArrayList<>();

  private void add(boolean anomaly, String... templates) {
    List<SessionEvent> events = new ArrayList<>();
    for (int i = 0; i < templates.length; i++) {
      events.add(new SessionEvent(i, "hdfs", templates[i], templates[i]));
    }
    sessions.add(Session.of("blk_" + sessions.size(), events));
    labels.add(anomaly);
  }

  /**
   * Four usual blocks; two anomalies whose lines look exactly usual (their trouble lies outside the
   * log); one that fails; one whose usual lines come in an unusual order.
   */
  private void blocks() {
    for (int i = 0; i < 4; i++) {
      add(false, "allocate", "receiving", "received");
    }
    add(true, "allocate", "receiving", "received");
    add(true, "allocate", "receiving", "received");
    add(true, "allocate", "receiving", "failed");
    add(true, "receiving", "allocate", "received");
  }

  @Test
  void anomaliesThatCountLikeUsualBlocksCapTheCountView() {
    blocks();
    Ceiling counts = OracleCeiling.of(sessions, labels, OracleCeiling::countsView);
    assertThat(counts.sessions()).isEqualTo(8);
    assertThat(counts.anomalies()).isEqualTo(4);
    assertThat(counts.distinctViews()).isEqualTo(2);
    // the reordered block counts like the usual ones, as do the two whose trouble is elsewhere
    assertThat(counts.sharedAnomalies()).isEqualTo(3);
    // by majority only the failing block is flagged: P 1, R 1/4
    assertThat(counts.majority().truePositives()).isEqualTo(1);
    assertThat(counts.majority().falsePositives()).isZero();
    assertThat(counts.majority().f1()).isCloseTo(0.4, within(1e-9));
    // flagging the usual vector too catches all four at the price of the four usual blocks
    assertThat(counts.best().truePositives()).isEqualTo(4);
    assertThat(counts.best().falsePositives()).isEqualTo(4);
    assertThat(counts.best().f1()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void theSequenceViewSeesTheOrderTheCountsCannot() {
    blocks();
    Ceiling sequences = OracleCeiling.of(sessions, labels, OracleCeiling::sequenceView);
    assertThat(sequences.distinctViews()).isEqualTo(3);
    assertThat(sequences.sharedAnomalies()).isEqualTo(2);
    assertThat(sequences.majority().truePositives()).isEqualTo(2);
    assertThat(sequences.majority().f1()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(sequences.best().f1()).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void separableLabelsReachOne() {
    add(false, "a", "b");
    add(false, "a", "b");
    add(true, "a", "c");
    Ceiling counts = OracleCeiling.of(sessions, labels, OracleCeiling::countsView);
    assertThat(counts.sharedAnomalies()).isZero();
    assertThat(counts.majority().f1()).isEqualTo(1.0);
    assertThat(counts.best().f1()).isEqualTo(1.0);
  }

  @Test
  void aMinorityOfAnomaliesInAViewIsStillWorthFlaggingWhenNothingElseIs() {
    // one anomaly among two usual sessions: majority flags nothing (F1 0), the best flags all
    add(false, "a");
    add(false, "a");
    add(true, "a");
    Ceiling counts = OracleCeiling.of(sessions, labels, OracleCeiling::countsView);
    assertThat(counts.majority().f1()).isZero();
    assertThat(counts.best().f1()).isCloseTo(0.5, within(1e-9));
  }
}
