package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The best any detector that sees only one view of a session (its template counts, or its template
 * sequence) could score on labelled sessions. Sessions with the same view get the same verdict from
 * such a detector, whatever it is; so an anomaly whose view equals a normal session's cannot be
 * told from it, and the labels decide how far that caps the F1.
 *
 * <p>Two labellings of the distinct views are reported: by majority (an anomaly when more than half
 * of its sessions are; ties normal), and the one with the highest F1. The second is the real
 * ceiling: the best F1 over all labellings of the views is reached by flagging the views whose
 * share of anomalies is above some threshold, so trying each threshold finds it.
 */
public final class OracleCeiling {
  private OracleCeiling() {}

  /** How many labelled sessions of one view are anomalies and how many are normal. */
  private record ViewCount(int anomalies, int normal) {
    double anomalyShare() {
      return (double) anomalies / (anomalies + normal);
    }
  }

  /**
   * The ceiling for one view.
   *
   * @param sessions labelled sessions judged
   * @param anomalies of them, labelled anomalies
   * @param distinctViews how many different views they show
   * @param sharedAnomalies anomalies whose view at least one normal session shows too
   * @param majority the score of labelling each view by its majority
   * @param best the highest score any labelling of the views reaches
   */
  public record Ceiling(
      int sessions,
      int anomalies,
      int distinctViews,
      int sharedAnomalies,
      Score majority,
      Score best) {}

  /** True positives, false positives and false negatives, with precision, recall and F1. */
  public record Score(int truePositives, int falsePositives, int falseNegatives) {
    public double precision() {
      int flagged = truePositives + falsePositives;
      return flagged == 0 ? 0 : (double) truePositives / flagged;
    }

    public double recall() {
      int anomalies = truePositives + falseNegatives;
      return anomalies == 0 ? 0 : (double) truePositives / anomalies;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** The template counts of a session as one value: template=count, sorted by template. */
  public static String countsView(Session session) {
    return new TreeMap<>(session.templateCounts()).toString();
  }

  /** The template sequence of a session as one value, in arrival order. */
  public static String sequenceView(Session session) {
    List<String> templates = new ArrayList<>(session.events().size());
    session.events().forEach(e -> templates.add(e.template()));
    return String.join(" ", templates);
  }

  /**
   * The ceiling over {@code sessions} (parallel to {@code anomalous}) for the view {@code view}.
   */
  public static Ceiling of(
      List<Session> sessions, List<Boolean> anomalous, Function<Session, String> view) {
    if (sessions.size() != anomalous.size()) {
      throw new IllegalArgumentException("one label per session needed");
    }
    Map<String, int[]> byView = new LinkedHashMap<>();
    for (int i = 0; i < sessions.size(); i++) {
      int[] counts = byView.computeIfAbsent(view.apply(sessions.get(i)), v -> new int[2]);
      counts[anomalous.get(i) ? 0 : 1]++;
    }
    List<ViewCount> views = new ArrayList<>();
    byView.values().forEach(c -> views.add(new ViewCount(c[0], c[1])));
    int anomalies = views.stream().mapToInt(ViewCount::anomalies).sum();
    int shared = views.stream().filter(v -> v.normal() > 0).mapToInt(ViewCount::anomalies).sum();
    return new Ceiling(
        sessions.size(), anomalies, views.size(), shared, majority(views, anomalies), best(views));
  }

  private static Score majority(List<ViewCount> views, int anomalies) {
    int tp = 0;
    int fp = 0;
    for (ViewCount v : views) {
      if (v.anomalies() > v.normal()) {
        tp += v.anomalies();
        fp += v.normal();
      }
    }
    return new Score(tp, fp, anomalies - tp);
  }

  /** Flags views in falling order of their anomaly share and keeps the best F1 seen. */
  private static Score best(List<ViewCount> views) {
    List<ViewCount> ordered = new ArrayList<>(views);
    ordered.sort(Comparator.comparingDouble(ViewCount::anomalyShare).reversed());
    int anomalies = views.stream().mapToInt(ViewCount::anomalies).sum();
    Score best = new Score(0, 0, anomalies);
    int tp = 0;
    int fp = 0;
    for (int i = 0; i < ordered.size(); i++) {
      tp += ordered.get(i).anomalies();
      fp += ordered.get(i).normal();
      boolean thresholdEndsHere =
          i + 1 == ordered.size()
              || ordered.get(i + 1).anomalyShare() < ordered.get(i).anomalyShare();
      Score flagged = new Score(tp, fp, anomalies - tp);
      if (thresholdEndsHere && flagged.f1() > best.f1()) {
        best = flagged;
      }
    }
    return best;
  }
}
