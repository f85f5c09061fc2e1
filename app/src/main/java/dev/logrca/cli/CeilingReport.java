package dev.logrca.cli;

import dev.logrca.core.detect.session.OracleCeiling;
import dev.logrca.core.detect.session.OracleCeiling.Ceiling;
import dev.logrca.core.detect.session.OracleCeiling.Score;
import dev.logrca.core.detect.session.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints, for the judged sessions, the best any detector could do that sees only a session's
 * template counts, or only its template sequence ({@link OracleCeiling}): what the log itself
 * allows, against which the detectors' figures are to be read.
 */
final class CeilingReport {
  private CeilingReport() {}

  static void print(PrintWriter out, List<Session> judged, List<Boolean> anomalous) {
    if (judged.isEmpty()) {
      return;
    }
    out.printf(
        Locale.ROOT,
        "ceiling on the judged sessions (labels used: each distinct view flagged or not, as"
            + " whole):%n");
    row(out, "template counts", judged, anomalous, OracleCeiling::countsView);
    row(out, "template sequence", judged, anomalous, OracleCeiling::sequenceView);
  }

  private static void row(
      PrintWriter out,
      String name,
      List<Session> judged,
      List<Boolean> anomalous,
      Function<Session, String> view) {
    Ceiling c = OracleCeiling.of(judged, anomalous, view);
    out.printf(
        Locale.ROOT,
        "  %-18s %d distinct; %d of %d anomalies share theirs with a normal session;"
            + " best F1 %s, by majority F1 %s%n",
        name + ":",
        c.distinctViews(),
        c.sharedAnomalies(),
        c.anomalies(),
        figures(c.best()),
        figures(c.majority()));
  }

  private static String figures(Score s) {
    return String.format(
        Locale.ROOT,
        "%.3f (P %.3f R %.3f TP %d FP %d)",
        s.f1(),
        s.precision(),
        s.recall(),
        s.truePositives(),
        s.falsePositives());
  }
}
