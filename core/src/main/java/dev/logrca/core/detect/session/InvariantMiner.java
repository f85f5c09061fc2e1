package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Invariant mining after Lou et al. (USENIX ATC 2010): linear relations between template counts
 * that hold in (nearly) every training session, such as "as many blocks are received as are
 * announced" ({@code count(A) == count(B)}) or {@code 2 count(A) == count(B)}. Relations are
 * searched between pairs of templates with small integer coefficients, which is where the published
 * invariants of real systems live; a session that breaks one, or holds a template training never
 * saw, is anomalous.
 *
 * @param maxCoefficient the largest coefficient tried (1..maxCoefficient on each side)
 * @param minSupport a relation must be exercised (either count non-zero) by this many training
 *     sessions, so two rare templates do not make a law of one coincidence
 * @param maxViolationShare a relation may fail in at most this share of the sessions that exercise
 *     it: training data is unlabelled and holds some anomalies
 */
public record InvariantMiner(int maxCoefficient, int minSupport, double maxViolationShare) {
  /** Coefficients up to 3, 10 sessions of support, 2% of them may break the relation. */
  public static InvariantMiner defaults() {
    return new InvariantMiner(3, 10, 0.02);
  }

  /** {@code left * count(a) == right * count(b)}. */
  public record Invariant(String a, int left, String b, int right) {
    boolean holds(double[] counts, int columnA, int columnB) {
      return left * counts[columnA] == right * counts[columnB];
    }

    @Override
    public String toString() {
      return (left == 1 ? "" : left + " ")
          + "count("
          + a
          + ") == "
          + (right == 1 ? "" : right + " ")
          + "count("
          + b
          + ")";
    }
  }

  public InvariantMiner {
    if (maxCoefficient < 1 || minSupport < 1 || maxViolationShare < 0 || maxViolationShare >= 1) {
      throw new IllegalArgumentException(
          "maxCoefficient and minSupport must be at least 1, maxViolationShare in [0, 1)");
    }
  }

  /** The invariants of {@code training}, as a detector. */
  public Invariants mine(List<Session> training, TemplateVocabulary vocabulary) {
    double[][] rows = training.stream().map(vocabulary::counts).toArray(double[][]::new);
    List<String> templates = vocabulary.templates();
    List<Invariant> found = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      for (int j = i + 1; j < templates.size(); j++) {
        Invariant inv = relation(rows, templates, i, j);
        if (inv != null) {
          found.add(inv);
        }
      }
    }
    return new Invariants(found, vocabulary);
  }

  /** The simplest relation between columns i and j that holds, or null. */
  private Invariant relation(double[][] rows, List<String> templates, int i, int j) {
    int support = 0;
    for (double[] r : rows) {
      if (r[i] > 0 || r[j] > 0) {
        support++;
      }
    }
    if (support < minSupport) {
      return null;
    }
    for (int sum = 2; sum <= 2 * maxCoefficient; sum++) {
      for (int left = Math.max(1, sum - maxCoefficient);
          left <= Math.min(maxCoefficient, sum - 1);
          left++) {
        int right = sum - left;
        if (gcd(left, right) != 1) {
          continue;
        }
        Invariant candidate = new Invariant(templates.get(i), left, templates.get(j), right);
        int broken = 0;
        for (double[] r : rows) {
          if ((r[i] > 0 || r[j] > 0) && !candidate.holds(r, i, j)) {
            broken++;
          }
        }
        if (broken <= maxViolationShare * support) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
