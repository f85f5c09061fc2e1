package dev.logrca.rules.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

/**
 * Finds declarations nothing uses: a {@code declare}d type no file mentions again, a {@code global}
 * its package never reads, an import its file never names, a variable a rule binds and never uses.
 * A name in a comment is not a use.
 */
final class UnusedCheck {
  /** {@code $s : service}, at the start of a constraint; {@code :=} unifies, which is a use. */
  private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_]\\w*)\\s*:(?!=)");

  private final List<ParsedFile> files;
  private final List<Finding> findings;

  UnusedCheck(List<ParsedFile> files, List<Finding> findings) {
    this.files = files;
    this.findings = findings;
  }

  void run() {
    for (ParsedFile f : files) {
      for (TypeDeclarationDescr type : f.descr().getTypeDeclarations()) {
        if (usesOutside(files, type.getTypeName(), f, type) == 0) {
          findings.add(warning(f, type, "declared type " + type.getTypeName() + " is never used"));
        }
      }
      List<ParsedFile> samePackage =
          files.stream().filter(o -> o.descr().getName().equals(f.descr().getName())).toList();
      for (GlobalDescr global : f.descr().getGlobals()) {
        if (usesOutside(samePackage, global.getIdentifier(), f, global) == 0) {
          findings.add(warning(f, global, "global " + global.getIdentifier() + " is never used"));
        }
      }
      for (ImportDescr imported : f.descr().getImports()) {
        String type = imported.getTarget();
        String name = type.substring(type.lastIndexOf('.') + 1);
        if (!name.equals("*") && usesOutside(List.of(f), name, f, imported) == 0) {
          findings.add(warning(f, imported, "import " + type + " is never used"));
        }
      }
      for (RuleDescr rule : f.descr().getRules()) {
        bindings(f, rule);
      }
    }
  }

  private void bindings(ParsedFile f, RuleDescr rule) {
    Map<String, BaseDescr> bound = new LinkedHashMap<>();
    collect(rule.getLhs(), bound);
    String text = f.source().code(rule.getStartCharacter(), rule.getEndCharacter());
    bound.forEach(
        (name, where) -> {
          if (count(text, name) <= 1) {
            findings.add(
                warning(
                    f,
                    where,
                    name + " is bound but never used in rule \"" + rule.getName() + "\""));
          }
        });
  }

  private static void collect(BaseDescr descr, Map<String, BaseDescr> bound) {
    if (descr instanceof PatternDescr pattern) {
      if (pattern.getIdentifier() != null) {
        bound.putIfAbsent(pattern.getIdentifier(), pattern);
      }
      for (BaseDescr constraint : pattern.getDescrs()) {
        if (constraint instanceof ExprConstraintDescr expr) {
          Matcher m = BINDING.matcher(expr.getExpression());
          if (m.find()) {
            bound.putIfAbsent(m.group(1), expr);
          }
        }
      }
      if (pattern.getSource() instanceof AccumulateDescr accumulate) {
        collect(accumulate.getInput(), bound);
        for (AccumulateDescr.AccumulateFunctionCallDescr call : accumulate.getFunctions()) {
          if (call.getBind() != null) {
            bound.putIfAbsent(call.getBind(), accumulate);
          }
        }
      }
    } else if (descr instanceof ConditionalElementDescr element) {
      for (BaseDescr child : new ArrayList<BaseDescr>(element.getDescrs())) {
        collect(child, bound);
      }
    }
  }

  /** How often {@code name} appears in {@code in}, outside {@code declaration}'s own text. */
  private static int usesOutside(
      List<ParsedFile> in, String name, ParsedFile home, BaseDescr declaration) {
    int uses = 0;
    for (ParsedFile f : in) {
      String code = f.source().code;
      if (f == home) {
        code =
            code.substring(0, Math.max(0, declaration.getStartCharacter()))
                + code.substring(Math.min(code.length(), declaration.getEndCharacter() + 1));
      }
      uses += count(code, name);
    }
    return uses;
  }

  private static int count(String text, String name) {
    Matcher m = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])").matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static Finding warning(ParsedFile f, BaseDescr where, String message) {
    return f.source().warningAt(f.source().offset(where.getLine(), where.getColumn()), message);
  }
}
