package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order check: which template follows the previous {@code history} ones in usual sessions. A
 * session takes an unusual step when its next template followed that history in fewer than {@code
 * minSessions} training sessions; where it first does so is where it leaves the usual path, and
 * that line names the service and template to look at.
 */
public final class TemplateOrder implements SessionDetector {
  private static final String START = "^";

  /** The step after the last line: a session cut short ends where it usually does not. */
  private static final String END = "$";

  private final int history;
  private final int minSessions;
  private final Map<List<String>, Integer> steps;

  private TemplateOrder(int history, int minSessions, Map<List<String>, Integer> steps) {
    this.history = history;
    this.minSessions = minSessions;
    this.steps = steps;
  }

  /**
   * Learns the steps of {@code training}; a step is usual once {@code minSessions} sessions (and at
   * least 0.1% of them) took it.
   */
  public static TemplateOrder fit(List<Session> training, int history) {
    if (history < 1) {
      throw new IllegalArgumentException("history must be at least 1");
    }
    Map<List<String>, Integer> steps = new HashMap<>();
    for (Session s : training) {
      Set<List<String>> taken = new HashSet<>();
      forEachStep(s, history, (step, event) -> taken.add(step));
      taken.forEach(step -> steps.merge(step, 1, Integer::sum));
    }
    int minSessions = Math.max(2, (int) Math.ceil(0.001 * training.size()));
    return new TemplateOrder(history, minSessions, steps);
  }

  @Override
  public String name() {
    return "order";
  }

  @Override
  public Verdict judge(Session session) {
    List<SessionEvent> unusual = new ArrayList<>();
    List<List<String>> unusualSteps = new ArrayList<>();
    forEachStep(
        session,
        history,
        (step, event) -> {
          if (steps.getOrDefault(step, 0) < minSessions) {
            unusual.add(event);
            unusualSteps.add(step);
          }
        });
    if (unusual.isEmpty()) {
      return Verdict.usual(0, 1);
    }
    List<String> first = unusualSteps.get(0);
    String reason =
        "unusual step "
            + String.join(" -> ", first.subList(0, first.size() - 1))
            + " => "
            + first.get(first.size() - 1);
    return new Verdict(true, unusual.size(), 1, reason, unusual.get(0));
  }

  private interface StepVisitor {
    void visit(List<String> step, SessionEvent event);
  }

  /**
   * Each step: the previous {@code history} templates (padded with a start mark), then the next.
   */
  private static void forEachStep(Session s, int history, StepVisitor visitor) {
    List<String> window = new ArrayList<>();
    for (int i = 0; i < history; i++) {
      window.add(START);
    }
    for (SessionEvent e : s.events()) {
      List<String> step = new ArrayList<>(window);
      step.add(e.template());
      visitor.visit(step, e);
      window.remove(0);
      window.add(e.template());
    }
    if (!s.events().isEmpty()) {
      List<String> last = new ArrayList<>(window);
      last.add(END);
      visitor.visit(last, s.events().get(s.events().size() - 1));
    }
  }
}
