package dev.logrca.rules.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;

/**
 * The types a pack's rules can match: what the engine inserts, what the rules' consequences insert
 * or construct ({@code insert(new X(..))}, {@code insert(X.from(..))}, {@code X x = new X(..);
 * insert(x)}), and the types the pack declares; and how each file's type names resolve.
 */
final class PackTypes {
  private static final Pattern NEW = Pattern.compile("\\bnew\\s+([A-Za-z_][\\w.]*)\\s*\\(");
  private static final Pattern FACTORY =
      Pattern.compile(
          "\\binsert(?:Logical)?\\s*\\(\\s*([A-Z]\\w*(?:\\.[A-Z]\\w*)*)\\s*\\.\\s*\\w+\\s*\\(");
  private static final Pattern INSERT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(");

  private final Set<String> declared = new TreeSet<>();
  private final List<Class<?>> insertedClasses = new ArrayList<>(FactModel.ENGINE_FACTS);
  private final Set<String> insertedNames = new TreeSet<>();

  PackTypes(List<ParsedFile> files) {
    for (ParsedFile f : files) {
      for (TypeDeclarationDescr type : f.descr().getTypeDeclarations()) {
        declared.add(type.getTypeName());
      }
    }
    for (ParsedFile f : files) {
      for (RuleDescr rule : f.descr().getRules()) {
        String consequence = String.valueOf(rule.getConsequence());
        if (!INSERT.matcher(consequence).find()) {
          continue;
        }
        noteInserted(f.descr(), NEW.matcher(consequence));
        noteInserted(f.descr(), FACTORY.matcher(consequence));
      }
    }
  }

  private void noteInserted(PackageDescr pkg, Matcher m) {
    while (m.find()) {
      String name = m.group(1);
      insertedNames.add(simpleName(name));
      Class<?> type = resolve(pkg, name);
      if (type != null) {
        insertedClasses.add(type);
      }
    }
  }

  /** True when something can insert a fact that a pattern on {@code name} matches. */
  boolean isInserted(PackageDescr pkg, String name) {
    Class<?> type = resolve(pkg, name);
    if (type == null) {
      // a declared type, or one the compiler will complain about
      return insertedNames.contains(simpleName(name)) || !declared.contains(simpleName(name));
    }
    return insertedClasses.stream().anyMatch(type::isAssignableFrom);
  }

  /** The simple names of what the engine and the rules insert, for messages. */
  String insertedSummary() {
    Set<String> names = new TreeSet<>(insertedNames);
    insertedClasses.forEach(c -> names.add(c.getSimpleName()));
    return String.join(", ", names);
  }

  /** The class {@code name} stands for in {@code pkg}, or null (a declared or unknown type). */
  Class<?> resolve(PackageDescr pkg, String name) {
    String bare = name.replaceAll("<.*>", "").trim();
    Set<String> candidates = new HashSet<>();
    if (bare.contains(".")) {
      candidates.add(bare);
    }
    for (ImportDescr imp : pkg.getImports()) {
      String target = imp.getTarget();
      if (target.endsWith("." + bare)) {
        candidates.add(target);
      } else if (target.endsWith(".*")) {
        candidates.add(target.substring(0, target.length() - 1) + bare);
      }
    }
    candidates.add("java.lang." + bare);
    for (String candidate : candidates) {
      try {
        return Class.forName(candidate, false, PackTypes.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        // not this one: the next candidate, or a declared type
      }
    }
    return null;
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
