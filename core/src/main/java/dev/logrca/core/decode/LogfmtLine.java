package dev.logrca.core.decode;

import dev.logrca.core.model.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * logfmt lines, as Go services write them (logrus, go-kit, the Grafana and Prometheus stack):
 * {@code ts=2026-11-27T10:00:03Z level=error caller=db.go:42 msg="connection refused"}. The time,
 * level, message and logger keys are recognised; the other pairs become attributes.
 */
final class LogfmtLine {
  private LogfmtLine() {}

  /** The decoded line, or null unless it is all {@code key=value} pairs naming a level or a msg. */
  static PlainLine read(String line, TimestampParser parser) {
    if (!startsWithKey(line)) {
      return null;
    }
    Map<String, String> pairs = new HashMap<>();
    int i = 0;
    while (i < line.length()) {
      i = LineWords.skipBlanks(line, i);
      if (i >= line.length()) {
        break;
      }
      int eq = keyEnd(line, i);
      if (eq < 0) {
        return null; // a word that is no pair: free text, not logfmt
      }
      String key = line.substring(i, eq);
      StringBuilder value = new StringBuilder();
      i = value(line, eq + 1, value);
      if (i < 0) {
        return null;
      }
      pairs.putIfAbsent(key, value.toString());
    }
    String levelText = take(pairs, "level", "lvl", "severity");
    String message = take(pairs, "msg", "message");
    if (levelText == null && message == null) {
      return null;
    }
    String time = take(pairs, "ts", "time", "timestamp", "t");
    OptionalLong t = time == null ? OptionalLong.empty() : parser.parse(time);
    if (time != null && t.isEmpty()) {
      pairs.put("time", time); // unreadable: keep it visible
    }
    String logger = take(pairs, "logger", "caller", "component", "module");
    return new PlainLine(
        t.isPresent(),
        t.orElse(0),
        Level.parse(levelText),
        logger,
        null,
        message == null ? line : message,
        pairs);
  }

  private static boolean startsWithKey(String line) {
    return !line.isEmpty() && TextDigits.isLetter(line.charAt(0)) && keyEnd(line, 0) > 0;
  }

  /** The index of the '=' ending a key at {@code from}, or -1. */
  private static int keyEnd(String line, int from) {
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '=') {
        return i > from ? i : -1;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  /** Reads a bare or quoted value into {@code out}; returns the index after it, or -1. */
  private static int value(String line, int from, StringBuilder out) {
    if (from < line.length() && line.charAt(from) == '"') {
      for (int i = from + 1; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '\\' && i + 1 < line.length()) {
          char next = line.charAt(++i);
          out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        } else if (c == '"') {
          return i + 1;
        } else {
          out.append(c);
        }
      }
      return -1; // unterminated quote
    }
    int end = LineWords.wordEnd(line, from);
    out.append(line, from, end);
    return end;
  }

  private static String take(Map<String, String> pairs, String... keys) {
    for (String key : keys) {
      String v = pairs.remove(key);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
