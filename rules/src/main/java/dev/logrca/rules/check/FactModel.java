package dev.logrca.rules.check;

import dev.logrca.core.model.AnomalyKind;
import dev.logrca.core.model.Category;
import dev.logrca.core.model.Level;
import dev.logrca.rules.fact.AnomalyFact;
import dev.logrca.rules.fact.Calls;
import dev.logrca.rules.fact.Hypothesis;
import dev.logrca.rules.fact.LogFact;
import dev.logrca.rules.fact.Recurring;
import dev.logrca.rules.signature.Signatures;
import dev.logrca.rules.signature.Timings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the rules can see: the fact types the correlation engine inserts, and for the fields that
 * hold a closed set of values (a line's signatures and level, an anomaly's kind, a conclusion's
 * category) the values they can hold. The linter checks rules against it.
 */
public final class FactModel {
  /** The types {@code CorrelationEngine} inserts into the session itself. */
  public static final List<Class<?>> ENGINE_FACTS =
      List.of(LogFact.class, AnomalyFact.class, Calls.class);

  private static final Map<String, Set<String>> CLOSED_FIELDS =
      Map.of(
          key(LogFact.class, "signals"),
          new TreeSet<>(Signatures.names()),
          key(Recurring.class, "signals"),
          new TreeSet<>(Signatures.names()),
          key(LogFact.class, "level"),
          names(Level.values()),
          key(AnomalyFact.class, "kind"),
          names(AnomalyKind.values()),
          key(AnomalyFact.class, "timed"),
          new TreeSet<>(Set.of(Timings.STATEMENT, Timings.REQUEST)),
          key(Hypothesis.class, "category"),
          categories());

  private FactModel() {}

  /** The values {@code field} of {@code type} can hold, or null when it is not a closed set. */
  public static Set<String> valuesOf(Class<?> type, String field) {
    return type == null ? null : CLOSED_FIELDS.get(key(type, field));
  }

  /** The root-cause category ids of docs/categories.md. */
  public static Set<String> categories() {
    return Arrays.stream(Category.values())
        .map(Category::id)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String key(Class<?> type, String field) {
    return type.getName() + "#" + field;
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
  }
}
