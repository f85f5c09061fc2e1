package dev.logrca.rules.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an expression {@code A|B|C} into {@code A}, {@code B} and {@code C}, each compiled with
 * the same flags: a text holds a match of the whole exactly when it holds a match of one branch,
 * and each branch has literals of its own, more selective than the union the whole would need. An
 * expression whose branches do not stand alone (an inline flag group that reaches past a '|', a
 * back reference, quoting) is kept whole.
 */
final class TopLevelBranches {
  private TopLevelBranches() {}

  /**
   * The branches of {@code pattern}, or {@code pattern} alone when it has one or must stay whole.
   */
  static List<Pattern> of(Pattern pattern) {
    String regex = pattern.pattern();
    int unsplittable = Pattern.COMMENTS | Pattern.LITERAL;
    if ((pattern.flags() & unsplittable) != 0 || !standsAlone(regex)) {
      return List.of(pattern);
    }
    List<String> parts = split(regex);
    if (parts == null || parts.size() < 2) {
      return List.of(pattern);
    }
    List<Pattern> branches = new ArrayList<>(parts.size());
    for (String part : parts) {
      branches.add(Pattern.compile(part, pattern.flags()));
    }
    return branches;
  }

  /**
   * {@code branch} without a leading {@code \w*}: asked only whether a text holds a match, {@code
   * \w*X} and {@code X} answer alike (the run may match nothing), but the run makes the engine try
   * every word at every position ({@code \w*Config(?:uration)?Exception} cost 12 us a line that
   * held "exception"). A possessive {@code \w*+} changes the answer and is kept.
   */
  static Pattern withoutLeadingWordRun(Pattern branch) {
    String regex = branch.pattern();
    if (!regex.startsWith("\\w*") || regex.startsWith("\\w*+") || !standsAlone(regex)) {
      return branch;
    }
    String rest = regex.substring(regex.startsWith("\\w*?") ? 4 : 3);
    if (split(rest) == null || split(rest).size() != 1) {
      return branch; // "\w*a|b" is two branches; dropping the run would bind "a" differently
    }
    return Pattern.compile(rest, branch.flags());
  }

  /** False for constructs whose meaning depends on the rest of the expression. */
  private static boolean standsAlone(String regex) {
    return !regex.contains("\\Q")
        && !regex.contains("\\k<")
        && !Pattern.compile("\\\\[1-9]").matcher(regex).find()
        // "(?i)" alone, without ':', sets flags for everything after it, other branches included
        && !Pattern.compile("\\(\\?[a-zA-Z-]+\\)").matcher(regex).find();
  }

  /** The text between the '|' outside any group or class, or null when it cannot be read. */
  private static List<String> split(String regex) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        i = RequiredLiterals.afterClass(regex, i);
        if (i < 0) {
          return null;
        }
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '|' && depth == 0) {
        parts.add(regex.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    if (depth != 0 || i != regex.length()) {
      return null;
    }
    parts.add(regex.substring(start));
    return parts;
  }
}
