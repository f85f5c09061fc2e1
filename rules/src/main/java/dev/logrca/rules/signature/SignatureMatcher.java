package dev.logrca.rules.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Matches a line against a table of named regular expressions in about one pass: each expression is
 * split into its top-level branches ({@link TopLevelBranches}), a literal scanner reads the line
 * once and finds, for each branch, whether the line holds one of the literals the branch cannot
 * match without ({@link RequiredLiterals}); only those branches (and the few without such literals)
 * are then run, and a name's other branches no more once one matched. The names found are exactly
 * those whose expression finds a match, as if every expression were run. Thread-safe.
 */
final class SignatureMatcher {
  /** The name of each branch's expression. */
  private final String[] names;

  private final Pattern[] patterns;

  /** Bits of the expressions that have no literals and always run. */
  private final long[] alwaysRun;

  private final LiteralScanner scanner;

  /** Builds the matcher over {@code table}, name to expression, in the table's order. */
  SignatureMatcher(Map<String, Pattern> table) {
    List<String> branchNames = new ArrayList<>();
    List<Pattern> branches = new ArrayList<>();
    table.forEach(
        (name, pattern) ->
            TopLevelBranches.of(pattern)
                .forEach(
                    branch -> {
                      branchNames.add(name);
                      branches.add(TopLevelBranches.withoutLeadingWordRun(branch));
                    }));
    int n = branches.size();
    this.names = branchNames.toArray(new String[0]);
    this.patterns = branches.toArray(new Pattern[0]);
    this.alwaysRun = new long[words(n)];
    List<String> literals = new ArrayList<>();
    List<Integer> marks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Set<String> required = RequiredLiterals.of(patterns[i]);
      if (required == null) {
        alwaysRun[i >>> 6] |= 1L << i;
      } else {
        for (String literal : required) {
          literals.add(literal);
          marks.add(i);
        }
      }
    }
    this.scanner = new LiteralScanner(literals, marks.stream().mapToInt(m -> m).toArray());
  }

  /** The names of the expressions that find a match in {@code text}, sorted. */
  Set<String> find(String text) {
    Set<String> found = new TreeSet<>();
    long[] candidates = alwaysRun.clone();
    scanner.scan(text, candidates);
    for (int word = 0; word < candidates.length; word++) {
      for (long bits = candidates[word]; bits != 0; bits &= bits - 1) {
        int i = (word << 6) + Long.numberOfTrailingZeros(bits);
        if (!found.contains(names[i]) && patterns[i].matcher(text).find()) {
          found.add(names[i]);
        }
      }
    }
    return found;
  }

  /** The names of the expressions with a branch that always runs, for lack of required literals. */
  List<String> withoutLiterals() {
    List<String> always = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if ((alwaysRun[i >>> 6] & (1L << i)) != 0 && !always.contains(names[i])) {
        always.add(names[i]);
      }
    }
    return always;
  }

  private static int words(int bits) {
    return Math.max(1, (bits + 63) >>> 6);
  }
}
