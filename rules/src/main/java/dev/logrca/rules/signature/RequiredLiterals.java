package dev.logrca.rules.signature;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The literal words a regular expression cannot match without: a set of strings of which every
 * match contains at least one (ASCII letters folded to lower case), or null when the expression
 * names none worth looking for. It is a prefilter, so it only ever errs towards running the
 * expression: anything it does not understand (a class, a wildcard, an optional part) just ends the
 * literal run in front of it, and a construct it cannot read at all gives null.
 */
final class RequiredLiterals {
  /** Shorter literals than this occur in too many lines to spare the expression any work. */
  static final int MIN_LENGTH = 3;

  private final String regex;
  private int pos;
  private boolean unreadable;

  private RequiredLiterals(String regex) {
    this.regex = regex;
  }

  /** The literals one of which every match of {@code pattern} contains, or null. */
  static Set<String> of(Pattern pattern) {
    int unread = Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ | Pattern.UNICODE_CASE;
    if ((pattern.flags() & unread) != 0) {
      // whitespace, escapes or letters no longer mean what they say to an ASCII reader
      return null;
    }
    RequiredLiterals parser = new RequiredLiterals(pattern.pattern());
    Set<String> found = parser.alternation();
    if (parser.unreadable || parser.pos != parser.regex.length() || found == null) {
      return null;
    }
    return shortest(found) < MIN_LENGTH ? null : found;
  }

  /** Branches separated by '|', up to a ')' or the end: each branch must give literals. */
  private Set<String> alternation() {
    Set<String> all = new HashSet<>();
    boolean unknown = false;
    while (true) {
      Set<String> branch = sequence();
      if (branch == null) {
        unknown = true;
      } else {
        all.addAll(branch);
      }
      if (pos < regex.length() && regex.charAt(pos) == '|') {
        pos++;
      } else {
        return unknown ? null : all;
      }
    }
  }

  /** One branch: the most selective of its literal runs and required groups. */
  private Set<String> sequence() {
    Set<String> best = null;
    StringBuilder run = new StringBuilder();
    while (pos < regex.length() && !unreadable) {
      char c = regex.charAt(pos);
      if (c == '|' || c == ')') {
        break;
      }
      if (c == '(') {
        best = better(best, flush(run));
        Set<String> group = group();
        if (quantifier() != Repeat.OPTIONAL) {
          best = better(best, group);
        }
      } else if (c == '[') {
        best = better(best, flush(run));
        skipClass();
        quantifier();
      } else {
        int literal = atom();
        Repeat repeat = quantifier();
        if (literal < 0 || repeat == Repeat.OPTIONAL) {
          best = better(best, flush(run));
        } else {
          run.append((char) literal);
          if (repeat == Repeat.SOME) {
            best = better(best, flush(run));
          }
        }
      }
    }
    return better(best, flush(run));
  }

  /** A group from its '(' to its ')'; null when it need not match any text (a lookaround). */
  private Set<String> group() {
    pos++;
    boolean lookaround = false;
    if (regex.startsWith("?", pos)) {
      pos++;
      if (regex.startsWith("=", pos) || regex.startsWith("!", pos)) {
        lookaround = true;
        pos++;
      } else if (regex.startsWith("<=", pos) || regex.startsWith("<!", pos)) {
        lookaround = true;
        pos += 2;
      } else if (regex.startsWith("<", pos)) {
        pos = regex.indexOf('>', pos) + 1; // a named group
        unreadable |= pos == 0;
      } else {
        // flags "(?i)" or "(?i:...)", "(?:...)", atomic "(?>...)"
        while (pos < regex.length() && "idmsuxU-".indexOf(regex.charAt(pos)) >= 0) {
          pos++;
        }
        if (regex.startsWith(")", pos)) {
          pos++;
          return null; // flags alone match no text
        }
        unreadable |= !(regex.startsWith(":", pos) || regex.startsWith(">", pos));
        pos++;
      }
    }
    Set<String> inner = alternation();
    if (!regex.startsWith(")", pos)) {
      unreadable = true;
      return null;
    }
    pos++;
    return lookaround ? null : inner;
  }

  /**
   * Reads one atom that is not a group or a class: the literal character it matches (lower case),
   * or -1 for anything else (an anchor, a wildcard, a class escape, a non-ASCII letter).
   */
  private int atom() {
    char c = regex.charAt(pos++);
    if (c == '\\') {
      if (pos >= regex.length()) {
        unreadable = true;
        return -1;
      }
      char e = regex.charAt(pos++);
      if (Character.isLetterOrDigit(e)) {
        // \d \w \s \b and their kin, \n \t; Unicode properties, hex and Unicode escapes, quoting
        // and
        // back references are beyond this reader
        unreadable |= "dDwWsSbBAzZGntrfe".indexOf(e) < 0;
        return -1;
      }
      return e < 128 ? fold(e) : -1;
    }
    if (c == '.' || c == '^' || c == '$' || c >= 128) {
      return -1;
    }
    if (c == '*' || c == '+' || c == '?' || c == '{') {
      unreadable = true; // a quantifier with nothing before it
      return -1;
    }
    return fold(c);
  }

  /** How often the atom just read repeats; reads the quantifier and its lazy/possessive mark. */
  private Repeat quantifier() {
    if (pos >= regex.length()) {
      return Repeat.ONCE;
    }
    char c = regex.charAt(pos);
    Repeat repeat;
    if (c == '?' || c == '*') {
      pos++;
      repeat = Repeat.OPTIONAL;
    } else if (c == '+') {
      pos++;
      repeat = Repeat.SOME;
    } else if (c == '{') {
      int close = regex.indexOf('}', pos);
      if (close < 0) {
        unreadable = true;
        return Repeat.ONCE;
      }
      String least = regex.substring(pos + 1, close).split(",", -1)[0].trim();
      unreadable |= least.isEmpty() || !least.chars().allMatch(Character::isDigit);
      repeat =
          least.equals("0") || least.chars().allMatch(d -> d == '0')
              ? Repeat.OPTIONAL
              : Repeat.SOME;
      pos = close + 1;
    } else {
      return Repeat.ONCE;
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++;
    }
    return repeat;
  }

  /** Skips a character class, nested classes and escapes included. */
  private void skipClass() {
    int after = afterClass(regex, pos);
    unreadable |= after < 0;
    pos = after < 0 ? regex.length() : after;
  }

  /** The position after the class that opens at {@code open}, nested classes included; or -1. */
  static int afterClass(String regex, int open) {
    int depth = 0;
    int i = open;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        depth++;
        // a ']' right after the opening (or after '^') is a member, not the end
        if (regex.startsWith("^", i + 1)) {
          i++;
        }
        if (regex.startsWith("]", i + 1)) {
          i++;
        }
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return -1;
  }

  private static Set<String> flush(StringBuilder run) {
    if (run.length() == 0) {
      return null;
    }
    Set<String> literal = Set.of(run.toString());
    run.setLength(0);
    return literal;
  }

  /** The more selective of two alternatives: the one whose shortest literal is longer. */
  private static Set<String> better(Set<String> a, Set<String> b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return shortest(b) > shortest(a) ? b : a;
  }

  private static int shortest(Set<String> literals) {
    return literals.stream().mapToInt(String::length).min().orElse(0);
  }

  static char fold(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private enum Repeat {
    ONCE,
    OPTIONAL,
    SOME
  }
}
