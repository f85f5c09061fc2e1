package dev.logrca.core.detect.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The templates seen in training, each with a column in a session's count vector; a template never
 * seen in training counts in one extra last column, so a session made of new lines still stands
 * out.
 */
public final class TemplateVocabulary {
  private final List<String> templates;
  private final Map<String, Integer> columns = new HashMap<>();

  public TemplateVocabulary(Collection<String> templates) {
    this.templates = new ArrayList<>(new TreeSet<>(templates));
    for (int i = 0; i < this.templates.size(); i++) {
      columns.put(this.templates.get(i), i);
    }
  }

  /** Every template of {@code sessions}, sorted. */
  public static TemplateVocabulary of(List<Session> sessions) {
    TreeSet<String> seen = new TreeSet<>();
    sessions.forEach(s -> s.events().forEach(e -> seen.add(e.template())));
    return new TemplateVocabulary(seen);
  }

  public List<String> templates() {
    return templates;
  }

  /** The column of {@code template}, or -1 if training never saw it. */
  public int columnOf(String template) {
    return columns.getOrDefault(template, -1);
  }

  /** The number of columns: one per known template and one for all unseen ones. */
  public int width() {
    return templates.size() + 1;
  }

  /** The session's template counts, unseen templates summed in the last column. */
  public double[] counts(Session session) {
    double[] v = new double[width()];
    for (SessionEvent e : session.events()) {
      int column = columnOf(e.template());
      v[column >= 0 ? column : templates.size()]++;
    }
    return v;
  }

  /** The first line of {@code session} whose template training never saw, or null. */
  public SessionEvent firstUnseen(Session session) {
    for (SessionEvent e : session.events()) {
      if (columnOf(e.template()) < 0) {
        return e;
      }
    }
    return null;
  }
}
