package dev.logrca.rules.check;

import dev.logrca.rules.RulePack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Lints a rule pack on Drools' own parse of each file (its descriptor tree): rules that can never
 * fire given the fact model, constants a field never holds, conclusions in a category
 * docs/categories.md does not know, and unused declarations. A file that does not parse is left to
 * the compiler, which says why.
 */
public final class RuleLinter {
  /** The category a consequence concludes: the second argument of a Hypothesis factory. */
  private static final Pattern CONCLUSION =
      Pattern.compile(
          "(?:\\bHypothesis\\s*\\.\\s*from\\w*|\\bnew\\s+(?:[\\w.]+\\.)?Hypothesis)\\s*\\("
              + "[^,;]*,\\s*\"([^\"]*)\"");

  private RuleLinter() {}

  /** Every warning about {@code pack}, by file and position. */
  public static List<Finding> lint(RulePack pack) {
    List<ParsedFile> files = parse(pack);
    PackTypes types = new PackTypes(files);
    List<Finding> findings = new ArrayList<>();
    for (ParsedFile f : files) {
      for (RuleDescr rule : f.descr().getRules()) {
        new PatternCheck(f, types, rule, findings).run();
        conclusions(f, rule, findings);
      }
    }
    new UnusedCheck(files, findings).run();
    findings.sort(
        Comparator.comparing(Finding::origin)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column));
    return findings;
  }

  /** How many rules the parsable files of {@code pack} hold. */
  public static int ruleCount(RulePack pack) {
    // queries are rule descriptions too, but conclude nothing
    return (int)
        parse(pack).stream()
            .flatMap(f -> f.descr().getRules().stream())
            .filter(rule -> !(rule instanceof QueryDescr))
            .count();
  }

  private static void conclusions(ParsedFile f, RuleDescr rule, List<Finding> findings) {
    String text = f.source().code(rule.getStartCharacter(), rule.getEndCharacter());
    int then = text.indexOf("then");
    Matcher m = CONCLUSION.matcher(text);
    while (m.find()) {
      if (m.start() > then && !FactModel.categories().contains(m.group(1))) {
        findings.add(
            f.source()
                .warningAt(
                    rule.getStartCharacter() + m.start(1) - 1,
                    "rule \""
                        + rule.getName()
                        + "\" concludes category \""
                        + m.group(1)
                        + "\", which is not one of: "
                        + String.join(", ", FactModel.categories())));
      }
    }
  }

  private static List<ParsedFile> parse(RulePack pack) {
    List<ParsedFile> files = new ArrayList<>();
    for (RulePack.RuleFile file : pack.files()) {
      DrlParser parser = new DrlParser();
      try {
        PackageDescr descr = parser.parse(false, file.drl());
        if (descr != null && !parser.hasErrors()) {
          files.add(new ParsedFile(file, descr, new SourceText(file.origin(), file.drl())));
        }
      } catch (DroolsParserException e) {
        // the compiler reports the same file with its position; linting needs a parse
        continue;
      }
    }
    return files;
  }
}
