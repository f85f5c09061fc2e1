package dev.logrca.rules.check;

import dev.logrca.rules.fact.LogFact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Walks one rule's conditions and finds patterns that can never match: a type nothing inserts, an
 * entry point the engine does not feed, or a field compared with a value it never holds ({@code
 * signals contains "timout"}, {@code level == "WARNING"}, {@code kind == "SURGE"}, a category not
 * in docs/categories.md).
 */
final class PatternCheck {
  /** {@code [$var.]field op constant}: a string, or an enum constant such as {@code Level.WARN}. */
  private static final Pattern COMPARISON =
      Pattern.compile(
          "(?:(\\$?[A-Za-z_]\\w*)\\s*\\.\\s*)?\\b([a-z]\\w*)\\s*(==|!=|not\\s+contains|contains)\\s*"
              + "(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Z]\\w*(?:\\.[A-Z]\\w*)*\\.([A-Z_][A-Z0-9_]*)\\b)");

  /** How a pattern takes part in its rule. */
  private enum Role {
    /** Must match for the rule to fire. */
    REQUIRED,
    /** Under {@code not} or {@code forall}: never matching makes the condition always true. */
    NEGATED,
    /** The input of an accumulate or collect: never matching leaves it empty. */
    ACCUMULATED
  }

  private final ParsedFile file;
  private final PackTypes types;
  private final RuleDescr rule;
  private final List<Finding> findings;
  private final Map<String, Class<?>> boundTypes = new HashMap<>();

  PatternCheck(ParsedFile file, PackTypes types, RuleDescr rule, List<Finding> findings) {
    this.file = file;
    this.types = types;
    this.rule = rule;
    this.findings = findings;
  }

  void run() {
    walk(rule.getLhs(), Role.REQUIRED);
  }

  private void walk(BaseDescr descr, Role role) {
    if (descr instanceof PatternDescr pattern) {
      pattern(pattern, role);
    } else if (descr instanceof ConditionalElementDescr element) {
      Role inner = descr instanceof NotDescr || descr instanceof ForallDescr ? Role.NEGATED : role;
      for (BaseDescr child : element.getDescrs()) {
        walk(child, inner);
      }
    }
  }

  private void pattern(PatternDescr pattern, Role role) {
    PatternSourceDescr source = pattern.getSource();
    Class<?> type = types.resolve(file.descr(), pattern.getObjectType());
    if (pattern.getIdentifier() != null && type != null) {
      boundTypes.put(pattern.getIdentifier(), type);
    }
    if (source instanceof AccumulateDescr accumulate) {
      walk(accumulate.getInput(), Role.ACCUMULATED);
      checkCount(pattern, accumulate);
    } else if (source instanceof CollectDescr collect) {
      walk(collect.getInputPattern(), Role.ACCUMULATED);
    } else if (source instanceof EntryPointDescr entryPoint) {
      if (role == Role.REQUIRED && !"DEFAULT".equals(entryPoint.getEntryId())) {
        findings.add(
            at(
                pattern,
                0,
                "rule \""
                    + rule.getName()
                    + "\" can never fire: the engine inserts every fact into the default entry"
                    + " point, not \""
                    + entryPoint.getEntryId()
                    + "\""));
      }
    } else if (source == null) {
      // a pattern with a source (from, accumulate, an entry point) does not match inserted facts
      checkInserted(pattern, role);
    }
    for (BaseDescr constraint : pattern.getDescrs()) {
      if (constraint instanceof ExprConstraintDescr expr) {
        checkConstants(expr, source == null ? type : null);
      }
    }
  }

  /**
   * The engine folds the lines of a second that rules cannot tell apart into one {@code LogFact}
   * ({@code repeats} says how many), so counting facts undercounts lines in a storm.
   */
  private void checkCount(PatternDescr pattern, AccumulateDescr accumulate) {
    PatternDescr counted = accumulate.getInputPattern();
    if (counted == null || types.resolve(file.descr(), counted.getObjectType()) != LogFact.class) {
      return;
    }
    for (AccumulateDescr.AccumulateFunctionCallDescr call : accumulate.getFunctions()) {
      if (call.getFunction().equals("count")) {
        findings.add(
            at(
                pattern,
                0,
                "rule \""
                    + rule.getName()
                    + "\" counts LogFact facts, but one fact stands for the lines of a second"
                    + " that rules cannot tell apart: bind $r : repeats and use sum( $r )"));
      }
    }
  }

  private void checkInserted(PatternDescr pattern, Role role) {
    String type = pattern.getObjectType();
    if (types.isInserted(file.descr(), type)) {
      return;
    }
    String nobody = "nothing inserts " + type + " (inserted: " + types.insertedSummary() + ")";
    String message =
        switch (role) {
          case REQUIRED -> "rule \"" + rule.getName() + "\" can never fire: " + nobody;
          case NEGATED -> "this condition always holds: " + nobody;
          case ACCUMULATED -> "this accumulates nothing: " + nobody;
        };
    findings.add(at(pattern, 0, message));
  }

  private void checkConstants(ExprConstraintDescr expr, Class<?> patternType) {
    String text = expr.getExpression();
    Matcher m = COMPARISON.matcher(text);
    while (m.find()) {
      Class<?> owner = m.group(1) == null ? patternType : boundTypes.get(m.group(1));
      Set<String> values = FactModel.valuesOf(owner, m.group(2));
      if (values == null) {
        continue;
      }
      String value = m.group(5) != null ? m.group(5) : unquote(m.group(4));
      if (!values.contains(value)) {
        findings.add(
            at(
                expr,
                m.start(4),
                owner.getSimpleName()
                    + "."
                    + m.group(2)
                    + " never holds \""
                    + value
                    + "\" (it holds one of: "
                    + String.join(", ", values)
                    + ")"));
      }
    }
  }

  /** A warning {@code shift} characters into {@code descr}'s text, when the text is where said. */
  private Finding at(BaseDescr descr, int shift, String message) {
    int start = file.source().offset(descr.getLine(), descr.getColumn());
    String text = descr instanceof ExprConstraintDescr e ? e.getExpression() : "";
    boolean aligned = file.source().text.startsWith(text, start);
    return file.source().warningAt(aligned ? start + shift : start, message);
  }

  private static String unquote(String quoted) {
    return quoted.substring(1, quoted.length() - 1);
  }
}
