package dev.logrca.rules.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL file's text with its comments blanked out (offsets unchanged), so that a name in a comment
 * does not count as a use, and a way to turn offsets into 1-based lines and columns.
 */
final class SourceText {
  private static final Pattern COMMENT_OR_STRING =
      Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  final String origin;
  final String text;
  final String code;
  private final List<Integer> lineStarts = new ArrayList<>();

  SourceText(String origin, String text) {
    this.origin = origin;
    this.text = text;
    this.code = blankComments(text);
    lineStarts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lineStarts.add(i + 1);
      }
    }
  }

  /** The offset of Drools' 1-based {@code line} and 0-based {@code column}, clamped to the text. */
  int offset(int line, int column) {
    if (line < 1 || line > lineStarts.size()) {
      return 0;
    }
    return Math.min(text.length(), lineStarts.get(line - 1) + Math.max(0, column));
  }

  /** A warning at {@code offset}. */
  Finding warningAt(int offset, String message) {
    int line = 1;
    while (line < lineStarts.size() && lineStarts.get(line) <= offset) {
      line++;
    }
    return Finding.warning(origin, line, offset - lineStarts.get(line - 1) + 1, message);
  }

  /** The code (comments blanked) between two offsets, clamped to the text. */
  String code(int start, int end) {
    int from = Math.max(0, Math.min(start, code.length()));
    return code.substring(from, Math.max(from, Math.min(end, code.length())));
  }

  /** Comments become spaces; strings stay, as constants are looked up in them. */
  private static String blankComments(String text) {
    StringBuilder out = new StringBuilder(text);
    Matcher m = COMMENT_OR_STRING.matcher(text);
    while (m.find()) {
      if (m.group().startsWith("/")) {
        for (int i = m.start(); i < m.end(); i++) {
          if (out.charAt(i) != '\n') {
            out.setCharAt(i, ' ');
          }
        }
      }
    }
    return out.toString();
  }
}
